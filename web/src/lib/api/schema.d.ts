// Generated from the server's OpenAPI document by `npm run api:generate -w web`. Do not edit.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers within a second, every migration is applied, and the API has room for more requests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account, its organization, and sign in as its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @example ada@example.com
                         */
                        email: string;
                        /**
                         * @description At least 10 characters, and not easy to guess: common passwords, keyboard patterns and the account's own email or name are refused (422 naming the field).
                         * @example correct horse battery staple
                         */
                        password: string;
                        /** @example Ada Lovelace */
                        name: string;
                        /** @example Acme Inc. */
                        org_name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                            user: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                email: string;
                                name: string;
                            };
                            org: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description An unknown email and a wrong password get the same answer. Repeated failures from one address wait a doubling time, up to 15 minutes; failures from many addresses slow the account by at most a minute (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @example ada@example.com
                         */
                        email: string;
                        /** @example correct horse battery staple */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                            user: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                email: string;
                                name: string;
                            };
                            orgs: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                role: "owner" | "admin" | "member";
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token (body or cookie) for a new token pair
         * @description Each refresh token works once. Presenting a used one revokes every token of its sign-in. The browser shares one refresh cookie between its tabs, so a tab names the organization it shows in `org_id`: it stays there even after another tab switched organization (401 if the user is no longer a member of it). Without `org_id`, the new tokens are for the organization the sign-in last used.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example 0f8fad5b-d9cb-469f-a165-70867728950e.mS0T1Qx2u0m9u2v5b0V7f3oQ8yYd2bq1gk3Jr5sX7aU */
                        refresh_token?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        org_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke the refresh token (body or cookie) and every token of its sign-in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example 0f8fad5b-d9cb-469f-a165-70867728950e.mS0T1Qx2u0m9u2v5b0V7f3oQ8yYd2bq1gk3Jr5sX7aU */
                        refresh_token?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link
         * @description Always 202, whether or not the email has an account, and answered before the email is looked up: how long the answer takes says nothing about the account either. `email_configured` is false when this instance cannot send email: the link then goes to the server log only, and the person must ask whoever runs the instance.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @example ada@example.com
                         */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            email_configured: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new password with the token from a reset link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example 0f8fad5b-d9cb-469f-a165-70867728950e.mS0T1Qx2u0m9u2v5b0V7f3oQ8yYd2bq1gk3Jr5sX7aU */
                        token: string;
                        /**
                         * @description At least 10 characters, and not easy to guess: common passwords, keyboard patterns and the account's own email or name are refused (422 naming the field).
                         * @example correct horse battery staple
                         */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/switch-org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Work in another organization you belong to: new tokens for it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        org_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an invitation link invites to
         * @description account_exists tells the accept page whether to ask for the existing password, or for a name and a new password.
         */
        get: {
            parameters: {
                query: {
                    /**
                     * @description From the invitation link
                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e.Zq2w8d0rJk4xYp7mV3sB1nT6cL9hF5aE2uG0oR8iW4Q
                     */
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            org: {
                                name: string;
                            };
                            email: string;
                            role: "admin" | "member";
                            account_exists: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation and sign in to its organization
         * @description With an existing account for the invited email, send its password; otherwise send a name and a new password to create the account.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description From the invitation link
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e.Zq2w8d0rJk4xYp7mV3sB1nT6cL9hF5aE2uG0oR8iW4Q
                         */
                        token: string;
                        /** @example Grace Hopper */
                        name?: string;
                        /**
                         * @description At least 10 characters, and not easy to guess: common passwords, keyboard patterns and the account's own email or name are refused (422 naming the field).
                         * @example correct horse battery staple
                         */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                            user: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                email: string;
                                name: string;
                            };
                            org: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, the current organization and their role in it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                email: string;
                                name: string;
                            };
                            org: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                /** @description ISO 4217 */
                                currency: string;
                                /** @description BCP 47 */
                                locale: string;
                            };
                            role: "owner" | "admin" | "member";
                            orgs: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                role: "owner" | "admin" | "member";
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update the signed-in user's profile */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Ada Lovelace */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            email: string;
                            name: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organizations the signed-in user belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                role: "owner" | "admin" | "member";
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create another organization, owned by the signed-in user, and work in it
         * @description Answers with tokens for the new organization, as switch-org does; the session of the organization the request came from is left as it is.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Acme Europe */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                            org: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change password; signs out every other session and ends reset links
         * @description Wrong current passwords are throttled (429 with Retry-After after five). A new password that is easy to guess (common, a keyboard pattern, your email or name) is refused on `new_password`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example my old password */
                        current_password: string;
                        /**
                         * @description At least 10 characters, and not easy to guess: common passwords, keyboard patterns and the account's own email or name are refused (422 naming the field).
                         * @example correct horse battery staple
                         */
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            refresh_token: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            /** @description ISO 4217: the default of new deals and leads */
                            currency: string;
                            /** @description BCP 47: how the app writes numbers, money and dates */
                            locale: string;
                            /** @description The largest file members may upload, set by admins (at most instance_max_file_bytes) */
                            max_file_bytes: number;
                            /** @description The largest file this installation takes, whatever the organization sets */
                            instance_max_file_bytes: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename the current organization or set its currency, locale and file size limit (admins)
         * @description New deals and leads take the organization currency unless they name another; amounts already stored keep theirs.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Acme Europe */
                        name?: string;
                        /** @example EUR */
                        currency?: string;
                        /** @example de-DE */
                        locale?: string;
                        /** @example 10485760 */
                        max_file_bytes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            /** @description ISO 4217: the default of new deals and leads */
                            currency: string;
                            /** @description BCP 47: how the app writes numbers, money and dates */
                            locale: string;
                            /** @description The largest file members may upload, set by admins (at most instance_max_file_bytes) */
                            max_file_bytes: number;
                            /** @description The largest file this installation takes, whatever the organization sets */
                            instance_max_file_bytes: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of the current organization, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                user_id: string;
                                email: string;
                                name: string;
                                role: "owner" | "admin" | "member";
                                /** Format: date-time */
                                joined_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member, or leave the organization (your own user id)
         * @description Admins and owners remove members; only an owner removes an owner; the last owner cannot be removed (422). The removed member is refused from their next request on.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Admins and owners only. Only an owner can make or unmake an owner, and the last owner cannot be demoted (422).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "owner" | "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            user_id: string;
                            email: string;
                            name: string;
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            joined_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not yet accepted or revoked, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                email: string;
                                role: "admin" | "member";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                expires_at: string;
                                expired: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite someone by email
         * @description Emails a link valid for 7 days (kept in the outbox when no SMTP server is configured). Inviting an email with a pending invitation replaces it: the earlier link stops working.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @example ada@example.com
                         */
                        email: string;
                        role: "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            email: string;
                            role: "admin" | "member";
                            /** Format: date-time */
                            expires_at: string;
                            /** @description The link emailed to the invitee */
                            link: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation; its link stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    invitation_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's audit log, newest first (admins and owners)
         * @description Changes of records and security events. Filters combine; `from` is inclusive and `to` exclusive.
         */
        get: {
            parameters: {
                query?: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    record_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    actor_id?: string;
                    action?: string;
                    table_name?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-01-31T09:00:00Z
                     */
                    from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-01-31T09:00:00Z
                     */
                    to?: string;
                    /** @description Entries per page */
                    limit?: number;
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                /** Format: date-time */
                                occurred_at: string;
                                actor: {
                                    /**
                                     * Format: uuid
                                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                     */
                                    id: string;
                                    name: string | null;
                                } | null;
                                /** @description insert, update or delete for a change of a record; auth.login, member.removed... for a security event */
                                action: string;
                                table_name: string | null;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                record_id: string | null;
                                /** @description For a change of a record, { column: { old, new } }, secrets shown as "[redacted]"; for a security event, its details */
                                changes: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Format: uuid
                                 * @description The import that made this change (`GET /imports/{import_id}`), if one did
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                import_id: string | null;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log/records/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The history of one record, oldest first
         * @description Members read the history of leads, accounts, contacts, deals, tasks and notes; admins and owners that of any row. A record without history the caller may read, or of another organization, is 404.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Entries per page */
                    limit?: number;
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    record_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                /** Format: date-time */
                                occurred_at: string;
                                actor: {
                                    /**
                                     * Format: uuid
                                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                     */
                                    id: string;
                                    name: string | null;
                                } | null;
                                /** @description insert, update or delete for a change of a record; auth.login, member.removed... for a security event */
                                action: string;
                                table_name: string | null;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                record_id: string | null;
                                /** @description For a change of a record, { column: { old, new } }, secrets shown as "[redacted]"; for a security event, its details */
                                changes: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Format: uuid
                                 * @description The import that made this change (`GET /imports/{import_id}`), if one did
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                import_id: string | null;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's outgoing email, newest first
         * @description Admins and owners only. `queued`: not tried yet. `retrying`: the mail server refused or could not be reached; it is tried again at `next_attempt_at`. `sent`: the mail server accepted it. `failed`: every attempt failed (the admins were notified). `kept`: no SMTP server is configured, so the message (an invitation link, say) is only here, for an admin to pass on.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the page before */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                to: string;
                                subject: string;
                                text: string;
                                kind: string;
                                /** @enum {unknown} */
                                status: "queued" | "retrying" | "sent" | "kept" | "failed";
                                /** @description Delivery attempts so far */
                                attempts: number;
                                /**
                                 * Format: date-time
                                 * @description When a `retrying` message is tried again
                                 */
                                next_attempt_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                sent_at: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether email leaves the server, or is kept in the outbox */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            smtp_configured: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's teams with their members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                description: string;
                                members: {
                                    /**
                                     * Format: uuid
                                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                     */
                                    user_id: string;
                                    name: string;
                                    email: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team (admins) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example EMEA sales */
                        name: string;
                        /** @example Accounts in Europe, the Middle East and Africa */
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            description: string;
                            members: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                user_id: string;
                                name: string;
                                email: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{team_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    team_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            description: string;
                            members: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                user_id: string;
                                name: string;
                                email: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team (admins); its members stay in the organization */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    team_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or describe a team (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    team_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example EMEA sales */
                        name?: string;
                        /** @example Accounts in Europe, the Middle East and Africa */
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            description: string;
                            members: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                user_id: string;
                                name: string;
                                email: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/teams/{team_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a member of the organization to a team (admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    team_id: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            description: string;
                            members: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                user_id: string;
                                name: string;
                                email: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove someone from a team (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    team_id: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Likely duplicates of a lead about to be created, best first (at most 10)
         * @description Leads with the same email, the same first and last name (case, accents and spacing aside), or the same phone number (its digits). `company` is accepted and not matched on: many people share one. Nothing given, nothing found.
         */
        get: {
            parameters: {
                query?: {
                    /** @example ada@analytical.example */
                    email?: string;
                    /** @example Ada */
                    first_name?: string;
                    /** @example Lovelace */
                    last_name?: string;
                    /** @example +44 20 7946 0000 */
                    phone?: string;
                    /** @example Analytical Engines Ltd */
                    company?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-0"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/duplicates/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Groups of leads that are likely the same
         * @description Leads with the same email, name or phone number (case, accents, spacing and phone punctuation aside), by reason and then by the shared value. A record may be in several groups.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-1"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Likely duplicates of a contact about to be created, best first (at most 10)
         * @description Contacts with the same email, the same first and last name (case, accents and spacing aside), or the same phone number (its digits). Nothing given, nothing found.
         */
        get: {
            parameters: {
                query?: {
                    /** @example ada@analytical.example */
                    email?: string;
                    /** @example Ada */
                    first_name?: string;
                    /** @example Lovelace */
                    last_name?: string;
                    /** @example +44 20 7946 0000 */
                    phone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-0"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/duplicates/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Groups of contacts that are likely the same
         * @description Contacts with the same name or phone number (not email: contacts are unique by email within the organization) (case, accents, spacing and phone punctuation aside), by reason and then by the shared value. A record may be in several groups.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-1"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Likely duplicates of a account about to be created, best first (at most 10)
         * @description Accounts with the same name (case, accents and spacing aside), the same domain (`https://www.` and paths aside) or the same phone number (its digits). Nothing given, nothing found.
         */
        get: {
            parameters: {
                query?: {
                    /** @example Analytical Engines */
                    name?: string;
                    /** @example analytical.example */
                    domain?: string;
                    /** @example +44 20 7946 0000 */
                    phone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-0"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/duplicates/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Groups of accounts that are likely the same
         * @description Accounts with the same domain, name or phone number (case, accents, spacing and phone punctuation aside), by reason and then by the shared value. A record may be in several groups.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-1"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge leads into one
         * @description The survivor takes the chosen values; the notes, tasks, tags and every other record that pointed at the merged leads move to it; the merged leads are deleted, their history is read with the survivor's, and their addresses answer 404 with `error.details.merged_into` naming the survivor. One `record.merged` entry in the audit log. Admins and owners may merge any leads; members the ones they own. Merging again what was merged already changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        survivor_id: string;
                        merged_ids: string[];
                        /** @description For each field, the id of the record whose value the survivor keeps (survivor_id or one of merged_ids); a field not named keeps the survivor's value. */
                        values?: {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            first_name?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            last_name?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            email?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            phone?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            company?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            job_title?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            website?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            status?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            source?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            rating?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            estimated_value?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            currency?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            address?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            description?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            last_contacted_at?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            next_follow_up_at?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            do_not_contact?: string;
                            /** @description For each custom field (by key), the id of the record whose value the survivor keeps; a field not named keeps the survivor's value. */
                            custom_fields?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            survivor_id: string;
                            merged_ids: string[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge contacts into one
         * @description The survivor takes the chosen values; the notes, tasks, tags and every other record that pointed at the merged contacts move to it; the merged contacts are deleted, their history is read with the survivor's, and their addresses answer 404 with `error.details.merged_into` naming the survivor. One `record.merged` entry in the audit log. Admins and owners may merge any contacts; members the ones they own. Merging again what was merged already changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        survivor_id: string;
                        merged_ids: string[];
                        /** @description For each field, the id of the record whose value the survivor keeps (survivor_id or one of merged_ids); a field not named keeps the survivor's value. */
                        values?: {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            first_name?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            last_name?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            email?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            phone?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            mobile?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            job_title?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            department?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            do_not_contact?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            address?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            description?: string;
                            /** @description For each custom field (by key), the id of the record whose value the survivor keeps; a field not named keeps the survivor's value. */
                            custom_fields?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            survivor_id: string;
                            merged_ids: string[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge accounts into one
         * @description The survivor takes the chosen values; the notes, tasks, tags and every other record that pointed at the merged accounts move to it; the merged accounts are deleted, their history is read with the survivor's, and their addresses answer 404 with `error.details.merged_into` naming the survivor. One `record.merged` entry in the audit log. Admins and owners may merge any accounts; members the ones they own. Merging again what was merged already changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        survivor_id: string;
                        merged_ids: string[];
                        /** @description For each field, the id of the record whose value the survivor keeps (survivor_id or one of merged_ids); a field not named keeps the survivor's value. */
                        values?: {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            name?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            website?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            domain?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            industry?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            phone?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            email?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            employees?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            annual_revenue?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            billing_address?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            shipping_address?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            description?: string;
                            /** @description For each custom field (by key), the id of the record whose value the survivor keeps; a field not named keeps the survivor's value. */
                            custom_fields?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            survivor_id: string;
                            merged_ids: string[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List leads, filtered, searched and sorted, a page at a time
         * @description Pass `next_cursor` back as `cursor` for the next page. `status` may repeat: `?status=new&status=contacted`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("created_at" | "-created_at" | "updated_at" | "-updated_at" | "last_name" | "-last_name" | "company" | "-company" | "status" | "-status" | "next_follow_up_at" | "-next_follow_up_at" | "estimated_value" | "-estimated_value") | string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                    status?: ("new" | "contacted" | "qualified" | "unqualified" | "converted")[];
                    source?: "web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other";
                    rating?: "hot" | "warm" | "cold";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-2"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a lead; its owner defaults to you */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Ada */
                        first_name?: string;
                        /**
                         * Format: email
                         * @example ada@analytical.example
                         */
                        email?: string | null;
                        /** @example +44 20 7946 0000 */
                        phone?: string | null;
                        /** @example Analytical Engines Ltd */
                        company?: string | null;
                        /** @example Head of Research */
                        job_title?: string | null;
                        /** @example https://analytical.example */
                        website?: string | null;
                        /** @enum {unknown} */
                        status?: "new" | "contacted" | "qualified" | "unqualified";
                        source?: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                        rating?: ("hot" | "warm" | "cold") | (never | null);
                        /** @example 12500 */
                        estimated_value?: number | null;
                        /** @example USD */
                        currency?: string;
                        address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        /** @example Met at the London trade fair; interested in a pilot. */
                        description?: string;
                        /**
                         * @description The person asked not to be contacted: no email is sent to them from the CRM
                         * @example false
                         */
                        do_not_contact?: boolean;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: date-time
                         * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                         * @example 2026-12-01T09:00:00Z
                         */
                        last_contacted_at?: string | null;
                        /**
                         * Format: date-time
                         * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                         * @example 2026-12-01T09:00:00Z
                         */
                        next_follow_up_at?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Lovelace */
                        last_name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            first_name: string;
                            last_name: string;
                            email: string | null;
                            phone: string | null;
                            company: string | null;
                            job_title: string | null;
                            website: string | null;
                            /** @enum {unknown} */
                            status: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                            rating: ("hot" | "warm" | "cold") | (never | null);
                            estimated_value: number | null;
                            currency: string;
                            address: {
                                [key: string]: string;
                            };
                            description: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            last_contacted_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            next_follow_up_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            converted_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_deal_id: string | null;
                            do_not_contact: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/{lead_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lead */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            first_name: string;
                            last_name: string;
                            email: string | null;
                            phone: string | null;
                            company: string | null;
                            job_title: string | null;
                            website: string | null;
                            /** @enum {unknown} */
                            status: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                            rating: ("hot" | "warm" | "cold") | (never | null);
                            estimated_value: number | null;
                            currency: string;
                            address: {
                                [key: string]: string;
                            };
                            description: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            last_contacted_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            next_follow_up_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            converted_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_deal_id: string | null;
                            do_not_contact: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a lead (its owner or an admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change some fields of a lead; `tag_ids` replaces its tags
         * @description Only the record's owner or an admin may give it another `owner_id` (or none); anyone else is refused with 403 naming the field.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The record's `version` (its `ETag`) the change was based on. When the record has changed since, nothing is written and the answer is 412 `version_mismatch` with the record as it is now in `error.details.current`. Without it (or with `*`) the change applies to whatever the record holds.
                     * @example "812"
                     */
                    "if-match"?: string;
                };
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Ada */
                        first_name?: string;
                        /**
                         * Format: email
                         * @example ada@analytical.example
                         */
                        email?: string | null;
                        /** @example +44 20 7946 0000 */
                        phone?: string | null;
                        /** @example Analytical Engines Ltd */
                        company?: string | null;
                        /** @example Head of Research */
                        job_title?: string | null;
                        /** @example https://analytical.example */
                        website?: string | null;
                        /** @enum {unknown} */
                        status?: "new" | "contacted" | "qualified" | "unqualified";
                        source?: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                        rating?: ("hot" | "warm" | "cold") | (never | null);
                        /** @example 12500 */
                        estimated_value?: number | null;
                        /** @example USD */
                        currency?: string;
                        address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        /** @example Met at the London trade fair; interested in a pilot. */
                        description?: string;
                        /**
                         * @description The person asked not to be contacted: no email is sent to them from the CRM
                         * @example false
                         */
                        do_not_contact?: boolean;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: date-time
                         * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                         * @example 2026-12-01T09:00:00Z
                         */
                        last_contacted_at?: string | null;
                        /**
                         * Format: date-time
                         * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                         * @example 2026-12-01T09:00:00Z
                         */
                        next_follow_up_at?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Lovelace */
                        last_name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            first_name: string;
                            last_name: string;
                            email: string | null;
                            phone: string | null;
                            company: string | null;
                            job_title: string | null;
                            website: string | null;
                            /** @enum {unknown} */
                            status: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                            rating: ("hot" | "warm" | "cold") | (never | null);
                            estimated_value: number | null;
                            currency: string;
                            address: {
                                [key: string]: string;
                            };
                            description: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            last_contacted_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            next_follow_up_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            converted_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            converted_deal_id: string | null;
                            do_not_contact: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/leads/{lead_id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convert a lead into an account, a contact and optionally a deal, in one step
         * @description Creates the account (or attaches `account_id`), a contact from the lead (or attaches `contact_id`) and, when `deal` is given, a deal on the default pipeline unless `deal.pipeline_id`/`deal.stage_id` say otherwise. The lead keeps links to all of them; its tasks and tags move to the contact; its notes stay on the lead and are listed with the account, the contact and the deal. A lead converts once. When a new account would take the name of an existing one (whatever its case), or a new contact the email of an existing one, the answer is 409 naming the field (`account_name`, `contact_id`) with the existing record in `details.existing` (`account_id` or `contact_id`), to attach to instead. `deal.stage_id` must be a stage of `deal.pipeline_id` (default: the default pipeline; its first open stage).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string;
                        /** @example Analytical Engines Ltd */
                        account_name?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        contact_id?: string;
                        deal?: {
                            /** @example Difference engine upgrade */
                            name?: string;
                            /** @example 12500 */
                            amount?: number;
                            /** @example USD */
                            currency?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            pipeline_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            stage_id?: string;
                            /**
                             * Format: date
                             * @description From 0001-01-01 to 9999-12-31.
                             * @example 2027-03-31
                             */
                            expected_close_date?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lead: components["schemas"]["def-2"];
                            account: components["schemas"]["def-3"];
                            contact: components["schemas"]["def-4"];
                            deal: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                owner_id: string | null;
                                tags: {
                                    /**
                                     * Format: uuid
                                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                     */
                                    id: string;
                                    name: string;
                                    color: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                created_by: string | null;
                                /**
                                 * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                                 * @example 812
                                 */
                                version: string;
                                /**
                                 * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                                 * @example {
                                 *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                                 *       "budget_code": "EMEA-7"
                                 *     }
                                 */
                                custom_fields: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                account_id: string | null;
                                /** @description The account's name */
                                account_name: string | null;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                primary_contact_id: string | null;
                                /** @description Other contacts involved in the deal */
                                contact_ids: string[];
                                amount: number;
                                currency: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                pipeline_id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                stage_id: string;
                                /**
                                 * @description The kind of the deal's stage
                                 * @enum {unknown}
                                 */
                                status: "open" | "won" | "lost";
                                /** @description Order within the stage's board column */
                                stage_rank: number;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                stage_entered_at: string;
                                /** Format: date */
                                expected_close_date: string | null;
                                probability: number;
                                source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                closed_at: string | null;
                                lost_reason: string | null;
                                description: string;
                            } | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts, filtered, searched and sorted, a page at a time
         * @description Pass `next_cursor` back as `cursor` for the next page.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at" | "annual_revenue" | "-annual_revenue" | "employees" | "-employees") | string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                    /** @example Manufacturing */
                    industry?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-3"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an account; its owner defaults to you
         * @description Names are unique within the organization, whatever their case.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example https://www.acme.com */
                        website?: string | null;
                        /**
                         * @description Taken from `website` when not given
                         * @example acme.com
                         */
                        domain?: string | null;
                        /** @example Manufacturing */
                        industry?: string | null;
                        /** @example +1 555 0100 */
                        phone?: string | null;
                        /**
                         * Format: email
                         * @example hello@acme.com
                         */
                        email?: string | null;
                        /** @example 250 */
                        employees?: number | null;
                        /** @example 12500 */
                        annual_revenue?: number | null;
                        billing_address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        shipping_address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        /** @example Makes everything a coyote could want. */
                        description?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Acme Inc. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            name: string;
                            website: string | null;
                            domain: string | null;
                            industry: string | null;
                            phone: string | null;
                            email: string | null;
                            employees: number | null;
                            annual_revenue: number | null;
                            billing_address: {
                                [key: string]: string;
                            };
                            shipping_address: {
                                [key: string]: string;
                            };
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account, with counts of its contacts, open deals and open tasks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            name: string;
                            website: string | null;
                            domain: string | null;
                            industry: string | null;
                            phone: string | null;
                            email: string | null;
                            employees: number | null;
                            annual_revenue: number | null;
                            billing_address: {
                                [key: string]: string;
                            };
                            shipping_address: {
                                [key: string]: string;
                            };
                            description: string;
                            summary: {
                                /** @description Contacts who work at the account */
                                contacts: number;
                                /** @description Deals in a stage of kind `open` */
                                open_deals: number;
                                /** @description Sum of the open deals’ amounts, whatever their currencies */
                                open_deals_amount: number;
                                /** @description Tasks on the account that are not done */
                                open_tasks: number;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an account (its owner or an admin)
         * @description Its contacts and deals stay, no longer linked to it; its tasks and notes go with it.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change some fields of an account; `tag_ids` replaces its tags
         * @description Changing `website` without `domain` takes the domain from the new website again. Only the record's owner or an admin may give it another `owner_id` (or none); anyone else is refused with 403 naming the field.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The record's `version` (its `ETag`) the change was based on. When the record has changed since, nothing is written and the answer is 412 `version_mismatch` with the record as it is now in `error.details.current`. Without it (or with `*`) the change applies to whatever the record holds.
                     * @example "812"
                     */
                    "if-match"?: string;
                };
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example https://www.acme.com */
                        website?: string | null;
                        /**
                         * @description Taken from `website` when not given
                         * @example acme.com
                         */
                        domain?: string | null;
                        /** @example Manufacturing */
                        industry?: string | null;
                        /** @example +1 555 0100 */
                        phone?: string | null;
                        /**
                         * Format: email
                         * @example hello@acme.com
                         */
                        email?: string | null;
                        /** @example 250 */
                        employees?: number | null;
                        /** @example 12500 */
                        annual_revenue?: number | null;
                        billing_address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        shipping_address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        /** @example Makes everything a coyote could want. */
                        description?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Acme Inc. */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            name: string;
                            website: string | null;
                            domain: string | null;
                            industry: string | null;
                            phone: string | null;
                            email: string | null;
                            employees: number | null;
                            annual_revenue: number | null;
                            billing_address: {
                                [key: string]: string;
                            };
                            shipping_address: {
                                [key: string]: string;
                            };
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contacts, filtered, searched and sorted, a page at a time
         * @description Pass `next_cursor` back as `cursor` for the next page. `account_id` lists the contacts of one account.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("last_name" | "-last_name" | "created_at" | "-created_at" | "updated_at" | "-updated_at") | string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                    /** @description The account's contacts, for its page */
                    account_id?: string;
                    /** @example false */
                    do_not_contact?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-4"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a contact; its owner defaults to you */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Ada */
                        first_name?: string;
                        /**
                         * Format: email
                         * @description Stored lower-case; unique within the organization
                         * @example ada@acme.com
                         */
                        email?: string | null;
                        /** @example +1 555 0100 */
                        phone?: string | null;
                        /** @example +1 555 0199 */
                        mobile?: string | null;
                        /** @example CTO */
                        job_title?: string | null;
                        /** @example Engineering */
                        department?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * @description The person asked not to be contacted
                         * @example false
                         */
                        do_not_contact?: boolean;
                        address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        /** @example Met at the spring trade fair. */
                        description?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Lovelace */
                        last_name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            first_name: string;
                            last_name: string;
                            email: string | null;
                            phone: string | null;
                            mobile: string | null;
                            job_title: string | null;
                            department: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /** @description The account's name */
                            account_name: string | null;
                            do_not_contact: boolean;
                            address: {
                                [key: string]: string;
                            };
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{contact_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            first_name: string;
                            last_name: string;
                            email: string | null;
                            phone: string | null;
                            mobile: string | null;
                            job_title: string | null;
                            department: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /** @description The account's name */
                            account_name: string | null;
                            do_not_contact: boolean;
                            address: {
                                [key: string]: string;
                            };
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a contact (its owner or an admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change some fields of a contact; `tag_ids` replaces its tags
         * @description Only the record's owner or an admin may give it another `owner_id` (or none); anyone else is refused with 403 naming the field.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The record's `version` (its `ETag`) the change was based on. When the record has changed since, nothing is written and the answer is 412 `version_mismatch` with the record as it is now in `error.details.current`. Without it (or with `*`) the change applies to whatever the record holds.
                     * @example "812"
                     */
                    "if-match"?: string;
                };
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Ada */
                        first_name?: string;
                        /**
                         * Format: email
                         * @description Stored lower-case; unique within the organization
                         * @example ada@acme.com
                         */
                        email?: string | null;
                        /** @example +1 555 0100 */
                        phone?: string | null;
                        /** @example +1 555 0199 */
                        mobile?: string | null;
                        /** @example CTO */
                        job_title?: string | null;
                        /** @example Engineering */
                        department?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * @description The person asked not to be contacted
                         * @example false
                         */
                        do_not_contact?: boolean;
                        address?: {
                            street?: string;
                            city?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        };
                        /** @example Met at the spring trade fair. */
                        description?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Lovelace */
                        last_name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            first_name: string;
                            last_name: string;
                            email: string | null;
                            phone: string | null;
                            mobile: string | null;
                            job_title: string | null;
                            department: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /** @description The account's name */
                            account_name: string | null;
                            do_not_contact: boolean;
                            address: {
                                [key: string]: string;
                            };
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's pipelines, each with its stages in order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-5"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a pipeline (admins)
         * @description Without `stages` the pipeline gets Prospecting, Qualification, Proposal and Negotiation (open), Closed won and Closed lost. A pipeline needs at least one open stage.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Enterprise sales */
                        name: string;
                        /**
                         * @example [
                         *       {
                         *         "name": "Discovery",
                         *         "probability": 20,
                         *         "kind": "open"
                         *       },
                         *       {
                         *         "name": "Signed",
                         *         "probability": 100,
                         *         "kind": "won"
                         *       },
                         *       {
                         *         "name": "Lost",
                         *         "probability": 0,
                         *         "kind": "lost"
                         *       }
                         *     ]
                         */
                        stages?: {
                            /** @example Demo scheduled */
                            name: string;
                            /**
                             * @description Win probability in percent; defaults to 100 for won, 0 for lost, 50 for open
                             * @example 40
                             */
                            probability?: number;
                            /**
                             * @default open
                             * @example open
                             * @enum {unknown}
                             */
                            kind?: "open" | "won" | "lost";
                        }[];
                        /** @example false */
                        is_default?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            is_default: boolean;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            stages: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                pipeline_id: string;
                                name: string;
                                position: number;
                                probability: number;
                                /** @enum {unknown} */
                                kind: "open" | "won" | "lost";
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pipelines/{pipeline_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One pipeline with its stages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            is_default: boolean;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            stages: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                pipeline_id: string;
                                name: string;
                                position: number;
                                probability: number;
                                /** @enum {unknown} */
                                kind: "open" | "won" | "lost";
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a pipeline that holds no deals and is not the default (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename a pipeline or make it the default (admins)
         * @description Making a pipeline the default takes that role from the previous default; the default cannot simply be unset.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Enterprise sales */
                        name?: string;
                        /** @example true */
                        is_default?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            is_default: boolean;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            stages: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                pipeline_id: string;
                                name: string;
                                position: number;
                                probability: number;
                                /** @enum {unknown} */
                                kind: "open" | "won" | "lost";
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/pipelines/{pipeline_id}/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a stage to a pipeline (admins); it goes last unless given a position
         * @description Answers with the whole pipeline, since the other stages may have moved.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Demo scheduled */
                        name: string;
                        /**
                         * @description Win probability in percent; defaults to 100 for won, 0 for lost, 50 for open
                         * @example 40
                         */
                        probability?: number;
                        /**
                         * @default open
                         * @example open
                         * @enum {unknown}
                         */
                        kind?: "open" | "won" | "lost";
                        /**
                         * @description Place in the pipeline, from 0; the other stages are renumbered around it
                         * @example 2
                         */
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            is_default: boolean;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            stages: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                pipeline_id: string;
                                name: string;
                                position: number;
                                probability: number;
                                /** @enum {unknown} */
                                kind: "open" | "won" | "lost";
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pipelines/{pipeline_id}/stages/{stage_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a stage that holds no deals (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    stage_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename, reweigh, re-kind or move a stage (admins); answers with the pipeline
         * @description Turning a stage won or lost closes its deals; turning it open reopens them. A pipeline keeps at least one open stage.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    stage_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Demo scheduled */
                        name?: string;
                        /**
                         * @description Win probability in percent; defaults to 100 for won, 0 for lost, 50 for open
                         * @example 40
                         */
                        probability?: number;
                        /**
                         * @example won
                         * @enum {unknown}
                         */
                        kind?: "open" | "won" | "lost";
                        /**
                         * @description Place in the pipeline, from 0; the other stages are renumbered around it
                         * @example 2
                         */
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            is_default: boolean;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            stages: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                pipeline_id: string;
                                name: string;
                                position: number;
                                probability: number;
                                /** @enum {unknown} */
                                kind: "open" | "won" | "lost";
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/pipelines/{pipeline_id}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pipeline's deals as a kanban board: one column per stage, in board order
         * @description Takes the filters of the deal list; the totals count every matching deal.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    stage_id?: string;
                    /** @description The kind of the stage; may repeat: `?status=won&status=lost` */
                    status?: ("open" | "won" | "lost")[];
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @description Deals with this contact, primary or other */
                    contact_id?: string;
                    /**
                     * @description Inclusive From 0001-01-01 to 9999-12-31.
                     * @example 2026-01-01
                     */
                    close_from?: string;
                    /**
                     * @description Inclusive From 0001-01-01 to 9999-12-31.
                     * @example 2026-03-31
                     */
                    close_to?: string;
                    /**
                     * @description Most deals returned per column; `count` and `amount_total` cover them all
                     * @example 50
                     */
                    per_stage?: number;
                };
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pipeline: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                is_default: boolean;
                                position: number;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                created_by: string | null;
                            };
                            stages: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                kind: "open" | "won" | "lost";
                                probability: number;
                                position: number;
                                /** @description Deals in the column that pass the filters */
                                count: number;
                                /** @description Sum of their amounts, whatever their currencies */
                                amount_total: number;
                                deals: components["schemas"]["def-6"][];
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{deal_id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a deal to a stage and a place in its column, in one call
         * @description Without `before_deal_id` or `after_deal_id` the deal goes to the end of the column. Entering a won or lost stage closes the deal; the stage history records the move.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A stage of the deal's pipeline */
                        stage_id: string;
                        /** @description Put the deal just before this deal of the stage */
                        before_deal_id?: string;
                        /** @description Put the deal just after this deal of the stage */
                        after_deal_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            name: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /** @description The account's name */
                            account_name: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            primary_contact_id: string | null;
                            /** @description Other contacts involved in the deal */
                            contact_ids: string[];
                            amount: number;
                            currency: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            pipeline_id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            stage_id: string;
                            /**
                             * @description The kind of the deal's stage
                             * @enum {unknown}
                             */
                            status: "open" | "won" | "lost";
                            /** @description Order within the stage's board column */
                            stage_rank: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            stage_entered_at: string;
                            /** Format: date */
                            expected_close_date: string | null;
                            probability: number;
                            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            closed_at: string | null;
                            lost_reason: string | null;
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deals, filtered, searched and sorted, a page at a time
         * @description Pass `next_cursor` back as `cursor` for the next page.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("created_at" | "-created_at" | "updated_at" | "-updated_at" | "name" | "-name" | "amount" | "-amount" | "expected_close_date" | "-expected_close_date") | string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    stage_id?: string;
                    /** @description The kind of the stage; may repeat: `?status=won&status=lost` */
                    status?: ("open" | "won" | "lost")[];
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @description Deals with this contact, primary or other */
                    contact_id?: string;
                    /**
                     * @description Inclusive From 0001-01-01 to 9999-12-31.
                     * @example 2026-01-01
                     */
                    close_from?: string;
                    /**
                     * @description Inclusive From 0001-01-01 to 9999-12-31.
                     * @example 2026-03-31
                     */
                    close_to?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id?: string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-6"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a deal; its owner defaults to you, its stage to the first open one */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        primary_contact_id?: string | null;
                        /** @description Other contacts involved; replaces the list */
                        contact_ids?: string[];
                        /** @example 12500 */
                        amount?: number;
                        /** @example USD */
                        currency?: string;
                        /** @description Defaults to the default pipeline */
                        pipeline_id?: string;
                        /** @description A stage of the deal's pipeline; defaults to its first open stage */
                        stage_id?: string;
                        /**
                         * Format: date
                         * @description From 0001-01-01 to 9999-12-31.
                         * @example 2026-06-30
                         */
                        expected_close_date?: string | null;
                        /**
                         * @description Percent; follows the stage unless given
                         * @example 60
                         */
                        probability?: number;
                        source?: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                        /** @example Price */
                        lost_reason?: string | null;
                        /** @example Three-year renewal */
                        description?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Acme renewal */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            name: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /** @description The account's name */
                            account_name: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            primary_contact_id: string | null;
                            /** @description Other contacts involved in the deal */
                            contact_ids: string[];
                            amount: number;
                            currency: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            pipeline_id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            stage_id: string;
                            /**
                             * @description The kind of the deal's stage
                             * @enum {unknown}
                             */
                            status: "open" | "won" | "lost";
                            /** @description Order within the stage's board column */
                            stage_rank: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            stage_entered_at: string;
                            /** Format: date */
                            expected_close_date: string | null;
                            probability: number;
                            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            closed_at: string | null;
                            lost_reason: string | null;
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{deal_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deal */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            name: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /** @description The account's name */
                            account_name: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            primary_contact_id: string | null;
                            /** @description Other contacts involved in the deal */
                            contact_ids: string[];
                            amount: number;
                            currency: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            pipeline_id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            stage_id: string;
                            /**
                             * @description The kind of the deal's stage
                             * @enum {unknown}
                             */
                            status: "open" | "won" | "lost";
                            /** @description Order within the stage's board column */
                            stage_rank: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            stage_entered_at: string;
                            /** Format: date */
                            expected_close_date: string | null;
                            probability: number;
                            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            closed_at: string | null;
                            lost_reason: string | null;
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a deal (its owner or an admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change some fields of a deal; `tag_ids` and `contact_ids` replace their lists
         * @description A new stage sets the probability to its own (unless `probability` is sent too) and closes the deal in a won or lost stage, reopens it in an open one. A new `pipeline_id` without `stage_id` puts the deal in that pipeline’s first open stage. Only the record's owner or an admin may give it another `owner_id` (or none); anyone else is refused with 403 naming the field.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The record's `version` (its `ETag`) the change was based on. When the record has changed since, nothing is written and the answer is 412 `version_mismatch` with the record as it is now in `error.details.current`. Without it (or with `*`) the change applies to whatever the record holds.
                     * @example "812"
                     */
                    "if-match"?: string;
                };
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        primary_contact_id?: string | null;
                        /** @description Other contacts involved; replaces the list */
                        contact_ids?: string[];
                        /** @example 12500 */
                        amount?: number;
                        /** @example USD */
                        currency?: string;
                        /** @description Defaults to the default pipeline */
                        pipeline_id?: string;
                        /** @description A stage of the deal's pipeline; defaults to its first open stage */
                        stage_id?: string;
                        /**
                         * Format: date
                         * @description From 0001-01-01 to 9999-12-31.
                         * @example 2026-06-30
                         */
                        expected_close_date?: string | null;
                        /**
                         * @description Percent; follows the stage unless given
                         * @example 60
                         */
                        probability?: number;
                        source?: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                        /** @example Price */
                        lost_reason?: string | null;
                        /** @example Three-year renewal */
                        description?: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        tag_ids?: string[];
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                        /** @example Acme renewal */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            tags: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                color: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                            /**
                             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                             * @example {
                             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                             *       "budget_code": "EMEA-7"
                             *     }
                             */
                            custom_fields: {
                                [key: string]: unknown;
                            };
                            name: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /** @description The account's name */
                            account_name: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            primary_contact_id: string | null;
                            /** @description Other contacts involved in the deal */
                            contact_ids: string[];
                            amount: number;
                            currency: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            pipeline_id: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            stage_id: string;
                            /**
                             * @description The kind of the deal's stage
                             * @enum {unknown}
                             */
                            status: "open" | "won" | "lost";
                            /** @description Order within the stage's board column */
                            stage_rank: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            stage_entered_at: string;
                            /** Format: date */
                            expected_close_date: string | null;
                            probability: number;
                            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            closed_at: string | null;
                            lost_reason: string | null;
                            description: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/deals/{deal_id}/stage-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every stage the deal has been in, oldest first; the current one has no left_at */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                stage_id: string;
                                stage_name: string;
                                /** @enum {unknown} */
                                kind: "open" | "won" | "lost";
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                pipeline_id: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                entered_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                left_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks, filtered and sorted, a page at a time
         * @description Pass `next_cursor` back as `cursor` for the next page. `status` may repeat: `?status=open&status=in_progress`. Sorting by `due_at` puts tasks without a due date last.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    sort?: "due_at" | "-due_at" | "created_at" | "-created_at" | "priority" | "-priority";
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    assignee_id?: string;
                    /** @description Tasks assigned to a member of this team */
                    team_id?: string;
                    /** @description Only tasks assigned to you (in place of `assignee_id`) */
                    mine?: boolean;
                    status?: ("open" | "in_progress" | "done")[];
                    /** @example high */
                    priority?: "low" | "normal" | "high" | "urgent";
                    type?: ("call" | "meeting" | "email" | "todo")[];
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    due_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    due_to?: string;
                    /** @description `today`: due today; `upcoming`: due after today; `overdue`: due before now and not done */
                    view?: "today" | "overdue" | "upcoming";
                    /**
                     * @description IANA time zone that decides when today starts and ends for `view`
                     * @example Europe/Paris
                     */
                    tz?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-7"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a task, attached to at most one record; it is assigned to you by default */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Ask which plan fits the new team */
                        description?: string;
                        /**
                         * Format: date-time
                         * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                         * @example 2026-12-01T09:00:00Z
                         */
                        due_at?: string | null;
                        /**
                         * @example high
                         * @enum {unknown}
                         */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /**
                         * @description What kind of work: a call, a meeting, an email, or anything else to do
                         * @example call
                         * @enum {unknown}
                         */
                        type?: "call" | "meeting" | "email" | "todo";
                        /**
                         * @example open
                         * @enum {unknown}
                         */
                        status?: "open" | "in_progress" | "done";
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        assignee_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        lead_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        contact_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        deal_id?: string | null;
                        /** @example Call Ada about the renewal */
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            title: string;
                            description: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            due_at: string | null;
                            /**
                             * @example high
                             * @enum {unknown}
                             */
                            priority: "low" | "normal" | "high" | "urgent";
                            /**
                             * @description What kind of work: a call, a meeting, an email, or anything else to do
                             * @example call
                             * @enum {unknown}
                             */
                            type: "call" | "meeting" | "email" | "todo";
                            /**
                             * @example open
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "done";
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            assignee_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            completed_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    task_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            title: string;
                            description: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            due_at: string | null;
                            /**
                             * @example high
                             * @enum {unknown}
                             */
                            priority: "low" | "normal" | "high" | "urgent";
                            /**
                             * @description What kind of work: a call, a meeting, an email, or anything else to do
                             * @example call
                             * @enum {unknown}
                             */
                            type: "call" | "meeting" | "email" | "todo";
                            /**
                             * @example open
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "done";
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            assignee_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            completed_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a task (its creator, its assignee or an admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    task_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change some fields of a task; naming one of `lead_id`, `account_id`, `contact_id`, `deal_id` replaces what it is attached to
         * @description Only the task’s creator, its assignee or an admin may give it another `assignee_id` (or none); anyone else is refused with 403 naming the field.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The record's `version` (its `ETag`) the change was based on. When the record has changed since, nothing is written and the answer is 412 `version_mismatch` with the record as it is now in `error.details.current`. Without it (or with `*`) the change applies to whatever the record holds.
                     * @example "812"
                     */
                    "if-match"?: string;
                };
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    task_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Ask which plan fits the new team */
                        description?: string;
                        /**
                         * Format: date-time
                         * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                         * @example 2026-12-01T09:00:00Z
                         */
                        due_at?: string | null;
                        /**
                         * @example high
                         * @enum {unknown}
                         */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /**
                         * @description What kind of work: a call, a meeting, an email, or anything else to do
                         * @example call
                         * @enum {unknown}
                         */
                        type?: "call" | "meeting" | "email" | "todo";
                        /**
                         * @example open
                         * @enum {unknown}
                         */
                        status?: "open" | "in_progress" | "done";
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        assignee_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        lead_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        contact_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        deal_id?: string | null;
                        /** @example Call Ada about the renewal */
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            title: string;
                            description: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            due_at: string | null;
                            /**
                             * @example high
                             * @enum {unknown}
                             */
                            priority: "low" | "normal" | "high" | "urgent";
                            /**
                             * @description What kind of work: a call, a meeting, an email, or anything else to do
                             * @example call
                             * @enum {unknown}
                             */
                            type: "call" | "meeting" | "email" | "todo";
                            /**
                             * @example open
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "done";
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            assignee_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            completed_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a task done; a task already done stays as it is */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    task_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            title: string;
                            description: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            due_at: string | null;
                            /**
                             * @example high
                             * @enum {unknown}
                             */
                            priority: "low" | "normal" | "high" | "urgent";
                            /**
                             * @description What kind of work: a call, a meeting, an email, or anything else to do
                             * @example call
                             * @enum {unknown}
                             */
                            type: "call" | "meeting" | "email" | "todo";
                            /**
                             * @example open
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "done";
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            assignee_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            completed_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's notes, newest first, a page at a time
         * @description Give exactly one of `lead_id`, `account_id`, `contact_id`, `deal_id`. The notes of an account, contact or deal include those of the lead converted into it (their `lead_id` says so). Pass `next_cursor` back as `cursor` for the next page.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-8"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Write a note on exactly one record: one of `lead_id`, `account_id`, `contact_id`, `deal_id` */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Spoke with Ada: she wants a quote for 20 seats by Friday. */
                        body: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        lead_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        contact_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        deal_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            body: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /** @description Null once the author has left */
                            author_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notes/{note_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One note */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    note_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            body: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /** @description Null once the author has left */
                            author_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a note (its author or an admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    note_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rewrite a note (its author or an admin) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description The record's `version` (its `ETag`) the change was based on. When the record has changed since, nothing is written and the answer is 412 `version_mismatch` with the record as it is now in `error.details.current`. Without it (or with `*`) the change applies to whatever the record holds.
                     * @example "812"
                     */
                    "if-match"?: string;
                };
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    note_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Spoke with Ada: she wants a quote for 20 seats by Friday. */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The record's `version`, quoted: send it back as `If-Match` to write over this version only */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            body: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /** @description Null once the author has left */
                            author_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /**
                             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
                             * @example 812
                             */
                            version: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's emails, sent and received, newest first
         * @description Give exactly one of `lead_id`, `account_id`, `contact_id`, `deal_id`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-9"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Send an email from one record: one of `lead_id`, `account_id`, `contact_id`, `deal_id`
         * @description Stored `queued` and sent by a job (retried with backoff), then `sent` or `failed`. `to` defaults to the record's address (a deal's primary contact). The email is logged on the record and on every lead and contact with that address. Refused (422 `do_not_contact`) when the person asked not to be contacted; 409 when no mail server is set. Merge fields: `{{contact.first_name}}`, `{{lead.company}}`, `{{deal.name}}`, `{{account.name}}`, `{{me.name}}`, custom fields `{{contact.cf.<key>}}`. An unknown field is refused (422) naming it.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        lead_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        contact_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        deal_id?: string | null;
                        /**
                         * Format: email
                         * @example ada@example.com
                         */
                        to?: string;
                        /** @example Hello {{contact.first_name}} */
                        subject: string;
                        /**
                         * @example Hi {{contact.first_name}},
                         *
                         *     Thanks for your time today.
                         *
                         *     {{me.name}}
                         */
                        body: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        email_template_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            direction: "sent" | "received";
                            status: ("queued" | "sent" | "failed") | (never | null);
                            from_address: string;
                            to_addresses: string[];
                            cc_addresses: string[];
                            subject: string;
                            /** @description The text of the message; HTML is never kept */
                            body_text: string;
                            message_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            email_template_id: string | null;
                            /** @description The mail server's last refusal */
                            error: string | null;
                            attempts: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            occurred_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /** @description The records the email is on */
                            links: {
                                /** @enum {unknown} */
                                record_type: "lead" | "account" | "contact" | "deal";
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                record_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render an email for a record without sending it
         * @description Merge fields: `{{contact.first_name}}`, `{{lead.company}}`, `{{deal.name}}`, `{{account.name}}`, `{{me.name}}`, custom fields `{{contact.cf.<key>}}`. An unknown field is refused (422) naming it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        lead_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        account_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        contact_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        deal_id?: string | null;
                        /**
                         * Format: email
                         * @example ada@example.com
                         */
                        to?: string;
                        /** @example Hello {{contact.first_name}} */
                        subject: string;
                        /**
                         * @example Hi {{contact.first_name}},
                         *
                         *     Thanks for your time today.
                         *
                         *     {{me.name}}
                         */
                        body: string;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        email_template_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            to: string | null;
                            subject: string;
                            body: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{email_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One email */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    email_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            direction: "sent" | "received";
                            status: ("queued" | "sent" | "failed") | (never | null);
                            from_address: string;
                            to_addresses: string[];
                            cc_addresses: string[];
                            subject: string;
                            /** @description The text of the message; HTML is never kept */
                            body_text: string;
                            message_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            email_template_id: string | null;
                            /** @description The mail server's last refusal */
                            error: string | null;
                            attempts: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            occurred_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                            /** @description The records the email is on */
                            links: {
                                /** @enum {unknown} */
                                record_type: "lead" | "account" | "contact" | "deal";
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                record_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's email templates, by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-10"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Write an email template (admins)
         * @description Merge fields: `{{contact.first_name}}`, `{{lead.company}}`, `{{deal.name}}`, `{{account.name}}`, `{{me.name}}`, custom fields `{{contact.cf.<key>}}`. An unknown field is refused (422) naming it.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Follow-up */
                        name: string;
                        /** @example Hello {{contact.first_name}} */
                        subject: string;
                        /**
                         * @example Hi {{contact.first_name}},
                         *
                         *     Thanks for your time today.
                         *
                         *     {{me.name}}
                         */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            subject: string;
                            body: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-templates/{email_template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One email template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    email_template_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            subject: string;
                            body: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an email template (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    email_template_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an email template (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    email_template_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Follow-up */
                        name?: string;
                        /** @example Hello {{contact.first_name}} */
                        subject?: string;
                        /**
                         * @example Hi {{contact.first_name}},
                         *
                         *     Thanks for your time today.
                         *
                         *     {{me.name}}
                         */
                        body?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            subject: string;
                            body: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/email-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's mail server and logging address (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            smtp_host: string | null;
                            smtp_port: number | null;
                            smtp_secure: boolean;
                            smtp_username: string | null;
                            smtp_password_set: boolean;
                            from_address: string | null;
                            instance_smtp: boolean;
                            logging_address: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set the organization's mail server (admins)
         * @description Without a host, email goes through the instance’s server (SMTP_URL). The password is kept sealed and never returned.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example smtp.example.com */
                        smtp_host?: string | null;
                        /** @example 587 */
                        smtp_port?: number | null;
                        /** @description TLS from the start (port 465) */
                        smtp_secure?: boolean;
                        smtp_username?: string | null;
                        /** @description Kept sealed, never returned; null forgets it */
                        smtp_password?: string | null;
                        /** @example Sales <sales@example.com> */
                        from_address?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            smtp_host: string | null;
                            smtp_port: number | null;
                            smtp_secure: boolean;
                            smtp_username: string | null;
                            smtp_password_set: boolean;
                            from_address: string | null;
                            instance_smtp: boolean;
                            logging_address: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/email-settings/logging-address": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a new logging address (admins); the old one is refused from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            smtp_host: string | null;
                            smtp_port: number | null;
                            smtp_secure: boolean;
                            smtp_username: string | null;
                            smtp_password_set: boolean;
                            from_address: string | null;
                            instance_smtp: boolean;
                            logging_address: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's or a note's files, newest first, a page at a time
         * @description Give exactly one of `lead_id`, `account_id`, `contact_id`, `deal_id`, `note_id`. Pass `next_cursor` back as `cursor` for the next page.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Include the total number of matching records */
                    count?: boolean;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    note_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-11"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a file onto exactly one record or note: one of `lead_id`, `account_id`, `contact_id`, `deal_id`, `note_id`
         * @description The request body is the file itself, sent with its own Content-Type and read as a stream. Up to the organization's limit (`max_file_bytes` of `GET /org`, capped by the instance): a larger file is refused with 413 and nothing is kept; an empty body is 422. A record or note of another organization is refused exactly like one that does not exist.
         */
        post: {
            parameters: {
                query: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    lead_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    contact_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    deal_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    note_id?: string;
                    /**
                     * @description The file name to show; kept as text only (control characters dropped, cut to 255 characters)
                     * @example proposal.pdf
                     */
                    name: string;
                };
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @description The name it was uploaded with, shown as given */
                            name: string;
                            /** @description Images (PNG, JPEG, GIF, WebP) and PDFs as their bytes show them; otherwise the type the upload declared, or application/octet-stream */
                            content_type: string;
                            byte_size: number;
                            /** @description Hex SHA-256 of the bytes */
                            sha256: string;
                            /** @description An image or PDF the browser may show inline */
                            previewable: boolean;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            note_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /** @description Null once the uploader has left */
                            uploader_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file's details */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @description The name it was uploaded with, shown as given */
                            name: string;
                            /** @description Images (PNG, JPEG, GIF, WebP) and PDFs as their bytes show them; otherwise the type the upload declared, or application/octet-stream */
                            content_type: string;
                            byte_size: number;
                            /** @description Hex SHA-256 of the bytes */
                            sha256: string;
                            /** @description An image or PDF the browser may show inline */
                            previewable: boolean;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            lead_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            contact_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            deal_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            note_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /** @description Null once the uploader has left */
                            uploader_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a file (whoever uploaded it, or an admin)
         * @description Its bytes are removed from the store once the deletion has committed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file's bytes
         * @description Downloads (`Content-Disposition: attachment`) unless `disposition=inline` is asked for an image or PDF, which is then served in a sandbox.
         */
        get: {
            parameters: {
                query?: {
                    /** @description inline: shown in the browser, for images and PDFs only (others download) */
                    disposition?: "attachment" | "inline";
                };
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes, with Content-Disposition, X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's tags, by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-12"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a tag (admins) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Unique in the organization, whatever the case
                         * @example VIP
                         */
                        name: string;
                        /**
                         * @description `#rrggbb`
                         * @example #e11d48
                         */
                        color?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            color: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tags/{tag_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            color: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a tag (admins); every record carrying it loses it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or recolor a tag (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Unique in the organization, whatever the case
                         * @example VIP
                         */
                        name?: string;
                        /**
                         * @description `#rrggbb`
                         * @example #e11d48
                         */
                        color?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            color: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's custom fields, by kind and position */
        get: {
            parameters: {
                query?: {
                    record_type?: "lead" | "account" | "contact" | "deal";
                    include_archived?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-13"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Define a custom field on a kind of record (admins)
         * @description A row, not a change of the schema: the field appears at once in `custom_fields` of every record of the kind.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Unique among the active fields of the kind, whatever the case
                         * @example Region
                         */
                        label: string;
                        /** @description A record cannot be saved without a value */
                        required?: boolean;
                        /** @description By the field's type: text, long_text, url, email, phone: a string; number, money: a number; date: `YYYY-MM-DD`; datetime: ISO 8601 with a zone; checkbox: a boolean; select: an option's id; multi_select: a list of option ids; member: a user id. `null` clears it. */
                        default_value?: string | number | boolean | string[] | (never | null);
                        /** @example Sales region of the account */
                        description?: string;
                        /** @description Where the field goes among the fields of its kind, from 0; the others move along */
                        position?: number;
                        /** @description A select's options in their order. On update the list replaces the options: those named by `id` keep their values whatever their new label or colour, those without an `id` are added, and options left out are removed with their values. */
                        options?: {
                            /** @description An existing option, renamed or recoloured in place */
                            id?: string;
                            /** @example EMEA */
                            label: string;
                            /**
                             * @description `#rrggbb`
                             * @example #0ea5e9
                             */
                            color?: string;
                        }[];
                        /** @enum {unknown} */
                        record_type: "lead" | "account" | "contact" | "deal";
                        /**
                         * @description Lower-case letters, digits and `_`; never changes
                         * @example region
                         */
                        key: string;
                        /** @enum {unknown} */
                        field_type: "text" | "long_text" | "number" | "money" | "date" | "datetime" | "checkbox" | "select" | "multi_select" | "url" | "email" | "phone" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            record_type: "lead" | "account" | "contact" | "deal";
                            /** @description Stable: the name of the field in `custom_fields` */
                            key: string;
                            label: string;
                            /** @enum {unknown} */
                            field_type: "text" | "long_text" | "number" | "money" | "date" | "datetime" | "checkbox" | "select" | "multi_select" | "url" | "email" | "phone" | "member";
                            required: boolean;
                            /** @description By the field's type: text, long_text, url, email, phone: a string; number, money: a number; date: `YYYY-MM-DD`; datetime: ISO 8601 with a zone; checkbox: a boolean; select: an option's id; multi_select: a list of option ids; member: a user id. `null` clears it. */
                            default_value: string | number | boolean | string[] | (never | null);
                            description: string;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            archived_at: string | null;
                            /** @description A select's options, in their order */
                            options: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                label: string;
                                color: string;
                                position: number;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/custom-fields/{field_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One custom field */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    field_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            record_type: "lead" | "account" | "contact" | "deal";
                            /** @description Stable: the name of the field in `custom_fields` */
                            key: string;
                            label: string;
                            /** @enum {unknown} */
                            field_type: "text" | "long_text" | "number" | "money" | "date" | "datetime" | "checkbox" | "select" | "multi_select" | "url" | "email" | "phone" | "member";
                            required: boolean;
                            /** @description By the field's type: text, long_text, url, email, phone: a string; number, money: a number; date: `YYYY-MM-DD`; datetime: ISO 8601 with a zone; checkbox: a boolean; select: an option's id; multi_select: a list of option ids; member: a user id. `null` clears it. */
                            default_value: string | number | boolean | string[] | (never | null);
                            description: string;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            archived_at: string | null;
                            /** @description A select's options, in their order */
                            options: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                label: string;
                                color: string;
                                position: number;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change, reorder, archive or restore a custom field (admins)
         * @description Its key and type never change.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    field_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Unique among the active fields of the kind, whatever the case
                         * @example Region
                         */
                        label?: string;
                        /** @description A record cannot be saved without a value */
                        required?: boolean;
                        /** @description By the field's type: text, long_text, url, email, phone: a string; number, money: a number; date: `YYYY-MM-DD`; datetime: ISO 8601 with a zone; checkbox: a boolean; select: an option's id; multi_select: a list of option ids; member: a user id. `null` clears it. */
                        default_value?: string | number | boolean | string[] | (never | null);
                        /** @example Sales region of the account */
                        description?: string;
                        /** @description Where the field goes among the fields of its kind, from 0; the others move along */
                        position?: number;
                        /** @description A select's options in their order. On update the list replaces the options: those named by `id` keep their values whatever their new label or colour, those without an `id` are added, and options left out are removed with their values. */
                        options?: {
                            /** @description An existing option, renamed or recoloured in place */
                            id?: string;
                            /** @example EMEA */
                            label: string;
                            /**
                             * @description `#rrggbb`
                             * @example #0ea5e9
                             */
                            color?: string;
                        }[];
                        /** @description Archived fields are hidden from records and keep their values; `false` restores */
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            record_type: "lead" | "account" | "contact" | "deal";
                            /** @description Stable: the name of the field in `custom_fields` */
                            key: string;
                            label: string;
                            /** @enum {unknown} */
                            field_type: "text" | "long_text" | "number" | "money" | "date" | "datetime" | "checkbox" | "select" | "multi_select" | "url" | "email" | "phone" | "member";
                            required: boolean;
                            /** @description By the field's type: text, long_text, url, email, phone: a string; number, money: a number; date: `YYYY-MM-DD`; datetime: ISO 8601 with a zone; checkbox: a boolean; select: an option's id; multi_select: a list of option ids; member: a user id. `null` clears it. */
                            default_value: string | number | boolean | string[] | (never | null);
                            description: string;
                            position: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            archived_at: string | null;
                            /** @description A select's options, in their order */
                            options: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                label: string;
                                color: string;
                                position: number;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/leads/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign, tag, untag, set custom fields of or delete many leads at once, all or nothing
         * @description Give `ids`, or `filter` to act on every record the list shows with those filters (at most 5000; more is refused with 422 and nothing changes). Every id must be a record of this organization (404 otherwise, and nothing changes). `assign_owner` takes `owner_id` (null for none), `add_tag` and `remove_tag` take `tag_id`, `set_custom_fields` takes `custom_fields` (the values to give every record, checked as on an update); `delete` needs the right to delete every one of them (owner or admin).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        /** @description Every record the list would show with these filters, at most 5000; instead of ids */
                        filter?: {
                            /** @description Words the record must contain (prefixes of names, emails, companies…) */
                            q?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id?: string;
                            /** @description Records owned by a member of this team */
                            team_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            tag_id?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_to?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_to?: string;
                            /**
                             * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                             * @example [
                             *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                             *     ]
                             */
                            cf?: string[];
                            status?: ("new" | "contacted" | "qualified" | "unqualified" | "converted")[];
                            /** @enum {unknown} */
                            source?: "web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other";
                            /** @enum {unknown} */
                            rating?: "hot" | "warm" | "cold";
                        };
                        /**
                         * @example assign_owner
                         * @enum {unknown}
                         */
                        action: "assign_owner" | "add_tag" | "remove_tag" | "set_custom_fields" | "delete";
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        tag_id?: string;
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Records acted on */
                            updated: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign, tag, untag, set custom fields of or delete many accounts at once, all or nothing
         * @description Give `ids`, or `filter` to act on every record the list shows with those filters (at most 5000; more is refused with 422 and nothing changes). Every id must be a record of this organization (404 otherwise, and nothing changes). `assign_owner` takes `owner_id` (null for none), `add_tag` and `remove_tag` take `tag_id`, `set_custom_fields` takes `custom_fields` (the values to give every record, checked as on an update); `delete` needs the right to delete every one of them (owner or admin).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        /** @description Every record the list would show with these filters, at most 5000; instead of ids */
                        filter?: {
                            /** @description Words the record must contain (prefixes of names, emails, companies…) */
                            q?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id?: string;
                            /** @description Records owned by a member of this team */
                            team_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            tag_id?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_to?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_to?: string;
                            /**
                             * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                             * @example [
                             *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                             *     ]
                             */
                            cf?: string[];
                            /** @example Manufacturing */
                            industry?: string;
                        };
                        /**
                         * @example assign_owner
                         * @enum {unknown}
                         */
                        action: "assign_owner" | "add_tag" | "remove_tag" | "set_custom_fields" | "delete";
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        tag_id?: string;
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Records acted on */
                            updated: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign, tag, untag, set custom fields of or delete many contacts at once, all or nothing
         * @description Give `ids`, or `filter` to act on every record the list shows with those filters (at most 5000; more is refused with 422 and nothing changes). Every id must be a record of this organization (404 otherwise, and nothing changes). `assign_owner` takes `owner_id` (null for none), `add_tag` and `remove_tag` take `tag_id`, `set_custom_fields` takes `custom_fields` (the values to give every record, checked as on an update); `delete` needs the right to delete every one of them (owner or admin).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        /** @description Every record the list would show with these filters, at most 5000; instead of ids */
                        filter?: {
                            /** @description Words the record must contain (prefixes of names, emails, companies…) */
                            q?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id?: string;
                            /** @description Records owned by a member of this team */
                            team_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            tag_id?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_to?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_to?: string;
                            /**
                             * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                             * @example [
                             *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                             *     ]
                             */
                            cf?: string[];
                            /** @description The account's contacts, for its page */
                            account_id?: string;
                            /** @example false */
                            do_not_contact?: boolean;
                        };
                        /**
                         * @example assign_owner
                         * @enum {unknown}
                         */
                        action: "assign_owner" | "add_tag" | "remove_tag" | "set_custom_fields" | "delete";
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        tag_id?: string;
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Records acted on */
                            updated: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign, tag, untag, set custom fields of or delete many deals at once, all or nothing
         * @description Give `ids`, or `filter` to act on every record the list shows with those filters (at most 5000; more is refused with 422 and nothing changes). Every id must be a record of this organization (404 otherwise, and nothing changes). `assign_owner` takes `owner_id` (null for none), `add_tag` and `remove_tag` take `tag_id`, `set_custom_fields` takes `custom_fields` (the values to give every record, checked as on an update); `delete` needs the right to delete every one of them (owner or admin).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        /** @description Every record the list would show with these filters, at most 5000; instead of ids */
                        filter?: {
                            /** @description Words the record must contain (prefixes of names, emails, companies…) */
                            q?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id?: string;
                            /** @description Records owned by a member of this team */
                            team_id?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            tag_id?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            created_to?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_from?: string;
                            /**
                             * Format: date-time
                             * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                             * @example 2026-12-01T09:00:00Z
                             */
                            updated_to?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            stage_id?: string;
                            /** @description The kind of the stage; may repeat: `?status=won&status=lost` */
                            status?: ("open" | "won" | "lost")[];
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            account_id?: string;
                            /** @description Deals with this contact, primary or other */
                            contact_id?: string;
                            /**
                             * Format: date
                             * @description Inclusive From 0001-01-01 to 9999-12-31.
                             * @example 2026-01-01
                             */
                            close_from?: string;
                            /**
                             * Format: date
                             * @description Inclusive From 0001-01-01 to 9999-12-31.
                             * @example 2026-03-31
                             */
                            close_to?: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            pipeline_id?: string;
                            /**
                             * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                             * @example [
                             *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                             *     ]
                             */
                            cf?: string[];
                        };
                        /**
                         * @example assign_owner
                         * @enum {unknown}
                         */
                        action: "assign_owner" | "add_tag" | "remove_tag" | "set_custom_fields" | "delete";
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        tag_id?: string;
                        /**
                         * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
                         * @example {
                         *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
                         *       "budget_code": "EMEA-7"
                         *     }
                         */
                        custom_fields?: {
                            [key: string]: string | number | boolean | string[] | (never | null);
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Records acted on */
                            updated: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search leads, accounts, contacts and deals at once, best matches first
         * @description Ties are ordered by type (account, contact, deal, lead), then title. Subtitles: a lead its company, an account its domain, a contact its email, a deal its amount and stage.
         */
        get: {
            parameters: {
                query: {
                    /**
                     * @description Words every result must contain, as prefixes of a word of its name, email, company, domain, phone or job title
                     * @example ada love
                     */
                    q: string;
                    /**
                     * @description Kinds of record to search, comma-separated; all of them when absent
                     * @example lead,contact
                     */
                    types?: string;
                    /** @example 10 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-14"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pipeline value, weighted forecast, deals won and lost, leads, your tasks and recent activity
         * @description Pipeline and won/lost amounts are summed as stored, whatever their currency; the forecast counts the organization currency only. A pipeline of another organization is 404.
         */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description Start of the period (inclusive); the start of the current month by default RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-01-01T00:00:00Z
                     */
                    from?: string;
                    /**
                     * @description End of the period (exclusive); the start of next month by default RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-02-01T00:00:00Z
                     */
                    to?: string;
                    /**
                     * @description The pipeline to show; the organization's default one when absent
                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                     */
                    pipeline_id?: string;
                    /**
                     * @description Time zone of "today" and of the default month (IANA name); UTC by default
                     * @example Europe/Paris
                     */
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                to: string;
                                tz: string;
                            };
                            pipeline: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                /** @description Open stages in board order: their deals and the sum of their amounts */
                                stages: {
                                    /**
                                     * Format: uuid
                                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                     */
                                    stage_id: string;
                                    name: string;
                                    count: number;
                                    amount: number;
                                }[];
                            } | null;
                            /** @description The pipeline's deals closed in the period, by the kind of their stage */
                            deals: {
                                won: {
                                    count: number;
                                    amount: number;
                                };
                                lost: {
                                    count: number;
                                    amount: number;
                                };
                            };
                            /** @description Weighted forecast: open deals of every pipeline in the organization currency, by the month (in `tz`) of their expected close date */
                            forecast: {
                                /** @description The organization currency (ISO 4217) */
                                currency: string;
                                /** @description This month and the next 5, each listed */
                                months: {
                                    /**
                                     * Format: date
                                     * @description First day of the month
                                     */
                                    month: string;
                                    count: number;
                                    amount: number;
                                    /** @description Sum of each deal's amount × its stage's win probability */
                                    weighted: number;
                                }[];
                                /** @description Open deals of these months in another currency, left out (not converted) */
                                other_currency_deals: number;
                            };
                            /** @description Leads created in the period (`created`), by their status and source now; every status and source listed */
                            leads: {
                                /** @description The period the counts cover: leads created in [from, to) */
                                created: {
                                    /**
                                     * Format: date-time
                                     * @example 2026-01-31T09:00:00.000Z
                                     */
                                    from: string;
                                    /**
                                     * Format: date-time
                                     * @example 2026-01-31T09:00:00.000Z
                                     */
                                    to: string;
                                };
                                by_status: {
                                    /** @enum {unknown} */
                                    status: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                                    count: number;
                                }[];
                                by_source: {
                                    source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
                                    count: number;
                                }[];
                            };
                            /** @description Your unfinished tasks, the first 20 by due time */
                            tasks: {
                                due_today: {
                                    data: {
                                        /**
                                         * Format: uuid
                                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                         */
                                        id: string;
                                        title: string;
                                        /**
                                         * Format: date-time
                                         * @example 2026-01-31T09:00:00.000Z
                                         */
                                        due_at: string;
                                        priority: string;
                                        status: string;
                                        /** @description The record the task is about */
                                        record: {
                                            /** @enum {unknown} */
                                            type: "lead" | "account" | "contact" | "deal";
                                            /**
                                             * Format: uuid
                                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                             */
                                            id: string;
                                        } | null;
                                    }[];
                                    /** @description How many there are in all */
                                    total: number;
                                };
                                overdue: {
                                    data: {
                                        /**
                                         * Format: uuid
                                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                         */
                                        id: string;
                                        title: string;
                                        /**
                                         * Format: date-time
                                         * @example 2026-01-31T09:00:00.000Z
                                         */
                                        due_at: string;
                                        priority: string;
                                        status: string;
                                        /** @description The record the task is about */
                                        record: {
                                            /** @enum {unknown} */
                                            type: "lead" | "account" | "contact" | "deal";
                                            /**
                                             * Format: uuid
                                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                             */
                                            id: string;
                                        } | null;
                                    }[];
                                    /** @description How many there are in all */
                                    total: number;
                                };
                            };
                            /** @description The last 20 changes to leads, accounts, contacts, deals, tasks and notes, newest first */
                            recent_activity: {
                                id: number;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                occurred_at: string;
                                actor: {
                                    /**
                                     * Format: uuid
                                     * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                     */
                                    id: string;
                                    name: string | null;
                                } | null;
                                action: string;
                                table_name: string | null;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                record_id: string | null;
                                /** @description The columns the change touched */
                                fields: string[];
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notifications in this organization, newest first, a page at a time
         * @description Pass `next_cursor` back as `cursor` for the next page.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description Only notifications not read yet */
                    unread?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-15"][];
                            next_cursor: string | null;
                            total?: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of your notifications are unread */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your notifications read
         * @description Marking a notification already read changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    notification_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            kind: "record_assigned" | "task_assigned" | "task_due" | "export_ready" | "email_failed";
                            title: string;
                            body: string;
                            record_type: ("lead" | "account" | "contact" | "deal" | "task") | (never | null);
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            record_id: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            read_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which emails you get from this organization
         * @description Everything is on until you change it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Email me when someone assigns me a record or a task
                             * @example true
                             */
                            email_on_assignment: boolean;
                            /**
                             * @description Email me when a task of mine falls due
                             * @example true
                             */
                            email_on_task_due: boolean;
                            /**
                             * @description Email me each morning (07:00 UTC) my tasks due that day or overdue
                             * @example false
                             */
                            daily_digest: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        /** Choose which emails you get from this organization */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Email me when someone assigns me a record or a task
                         * @example true
                         */
                        email_on_assignment: boolean;
                        /**
                         * @description Email me when a task of mine falls due
                         * @example true
                         */
                        email_on_task_due: boolean;
                        /**
                         * @description Email me each morning (07:00 UTC) my tasks due that day or overdue
                         * @example false
                         */
                        daily_digest: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Email me when someone assigns me a record or a task
                             * @example true
                             */
                            email_on_assignment: boolean;
                            /**
                             * @description Email me when a task of mine falls due
                             * @example true
                             */
                            email_on_task_due: boolean;
                            /**
                             * @description Email me each morning (07:00 UTC) my tasks due that day or overdue
                             * @example false
                             */
                            daily_digest: boolean;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sample-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether sample data is loaded in this organization, and how much */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            loaded: boolean;
                            /** @description How many records of each kind the sample added */
                            counts: {
                                accounts: number;
                                contacts: number;
                                leads: number;
                                deals: number;
                                tasks: number;
                                notes: number;
                                tags: number;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Load a realistic set of sample records to try Rampart with (admins)
         * @description Accounts with their contacts, leads, deals across the default pipeline, tasks assigned to you (some overdue, some due today), notes and tags: the same set every time, all at once. Existing records are left alone. 409 when sample data is already loaded.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            loaded: boolean;
                            /** @description How many records of each kind the sample added */
                            counts: {
                                accounts: number;
                                contacts: number;
                                leads: number;
                                deals: number;
                                tasks: number;
                                notes: number;
                                tags: number;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Remove the sample records, and only them (admins)
         * @description Records people created stay, even when they point at a sample record; a task added to a sample record loses that link. Notes written on a sample record go with it. 404 when no sample data is loaded.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leads/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The list of leads as a CSV file
         * @description Every lead the list shows with the same filters, search (`q`) and sort, streamed as CSV with a header row. Owners, tags, accounts, pipelines and stages are written by name. A cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return starts with `'` instead, so a spreadsheet shows it as text.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("created_at" | "-created_at" | "updated_at" | "-updated_at" | "last_name" | "-last_name" | "company" | "-company" | "status" | "-status" | "next_follow_up_at" | "-next_follow_up_at" | "estimated_value" | "-estimated_value") | string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                    status?: ("new" | "contacted" | "qualified" | "unqualified" | "converted")[];
                    source?: "web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other";
                    rating?: "hot" | "warm" | "cold";
                    /** @description Columns to write, in this order (default: all); may repeat: `?columns=first_name&columns=last_name` */
                    columns?: ("first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "status" | "source" | "rating" | "estimated_value" | "currency" | "city" | "country" | "last_contacted_at" | "next_follow_up_at" | "description" | "owner" | "tags" | "created_at" | "updated_at" | "id")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A CSV file (UTF-8, comma-separated, a header row) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The list of accounts as a CSV file
         * @description Every account the list shows with the same filters, search (`q`) and sort, streamed as CSV with a header row. Owners, tags, accounts, pipelines and stages are written by name. A cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return starts with `'` instead, so a spreadsheet shows it as text.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at" | "annual_revenue" | "-annual_revenue" | "employees" | "-employees") | string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                    /** @example Manufacturing */
                    industry?: string;
                    /** @description Columns to write, in this order (default: all); may repeat: `?columns=name&columns=domain` */
                    columns?: ("name" | "domain" | "website" | "industry" | "email" | "phone" | "employees" | "annual_revenue" | "city" | "country" | "description" | "owner" | "tags" | "created_at" | "updated_at" | "id")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A CSV file (UTF-8, comma-separated, a header row) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The list of contacts as a CSV file
         * @description Every contact the list shows with the same filters, search (`q`) and sort, streamed as CSV with a header row. Owners, tags, accounts, pipelines and stages are written by name. A cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return starts with `'` instead, so a spreadsheet shows it as text.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("last_name" | "-last_name" | "created_at" | "-created_at" | "updated_at" | "-updated_at") | string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                    /** @description The account's contacts, for its page */
                    account_id?: string;
                    /** @example false */
                    do_not_contact?: boolean;
                    /** @description Columns to write, in this order (default: all); may repeat: `?columns=first_name&columns=last_name` */
                    columns?: ("first_name" | "last_name" | "email" | "phone" | "mobile" | "job_title" | "department" | "account" | "do_not_contact" | "city" | "country" | "description" | "owner" | "tags" | "created_at" | "updated_at" | "id")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A CSV file (UTF-8, comma-separated, a header row) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The list of deals as a CSV file
         * @description Every deal the list shows with the same filters, search (`q`) and sort, streamed as CSV with a header row. Owners, tags, accounts, pipelines and stages are written by name. A cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return starts with `'` instead, so a spreadsheet shows it as text.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Words the record must contain (prefixes of names, emails, companies…) */
                    q?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    owner_id?: string;
                    /** @description Records owned by a member of this team */
                    team_id?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    tag_id?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    created_to?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_from?: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    updated_to?: string;
                    /** @description A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time or checkbox), `-` in front for descending; records without a value come last */
                    sort?: ("created_at" | "-created_at" | "updated_at" | "-updated_at" | "name" | "-name" | "amount" | "-amount" | "expected_close_date" | "-expected_close_date") | string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    stage_id?: string;
                    /** @description The kind of the stage; may repeat: `?status=won&status=lost` */
                    status?: ("open" | "won" | "lost")[];
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    account_id?: string;
                    /** @description Deals with this contact, primary or other */
                    contact_id?: string;
                    /**
                     * @description Inclusive From 0001-01-01 to 9999-12-31.
                     * @example 2026-01-01
                     */
                    close_from?: string;
                    /**
                     * @description Inclusive From 0001-01-01 to 9999-12-31.
                     * @example 2026-03-31
                     */
                    close_to?: string;
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    pipeline_id?: string;
                    /**
                     * @description Custom field conditions, each `<key>:<operator>[:<value>]`, all of which must hold; may repeat: `?cf=region:any:<option id>,<option id>&cf=score:gte:10`. Operators: `eq` (equals), `gte` and `lte` (at least, at most: numbers, amounts, dates, date-times, text), `any` (one of, comma-separated: selects and members), `empty`, `not_empty`. Values are written as in the record's `custom_fields`; a select's are option ids.
                     * @example [
                     *       "region:eq:0f8fad5b-d9cb-469f-a165-70867728950e"
                     *     ]
                     */
                    cf?: string[];
                    /** @description Columns to write, in this order (default: all); may repeat: `?columns=name&columns=account` */
                    columns?: ("name" | "account" | "primary_contact" | "amount" | "currency" | "pipeline" | "stage" | "status" | "probability" | "expected_close_date" | "source" | "closed_at" | "lost_reason" | "description" | "owner" | "tags" | "created_at" | "updated_at" | "id")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A CSV file (UTF-8, comma-separated, a header row) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's recent exports, newest first
         * @description For admins and owners of the organization (403 for other members); another organization's export answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-16"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Start an export of the whole organization
         * @description A background job writes a ZIP with one CSV per kind of data and a manifest; follow `GET /exports/{export_id}` for its progress. The admin who started it is notified when it is ready. One export is written at a time (409 while another is). For admins and owners of the organization (403 for other members); another organization's export answers 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "ready" | "failed" | "expired";
                            percent: number;
                            files_done: number;
                            files_total: number;
                            rows_done: number;
                            /** @description Size of the ZIP, once ready */
                            byte_size: number | null;
                            /** @description SHA-256 of the ZIP, once ready */
                            sha256: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            expires_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{export_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An export's progress
         * @description For admins and owners of the organization (403 for other members); another organization's export answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    export_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "ready" | "failed" | "expired";
                            percent: number;
                            files_done: number;
                            files_total: number;
                            rows_done: number;
                            /** @description Size of the ZIP, once ready */
                            byte_size: number | null;
                            /** @description SHA-256 of the ZIP, once ready */
                            sha256: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            expires_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{export_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ready export's ZIP
         * @description 409 until the export is ready, and once it has expired. For admins and owners of the organization (403 for other members); another organization's export answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    export_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The ZIP: one CSV per kind of data and manifest.json */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/restores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's recent restores, newest first
         * @description For admins and owners of the organization (403 for other members); another organization's restore answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-17"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Restore an organization export into this organization (admins)
         * @description The request body is the ZIP of an organization export (`GET /exports/{export_id}/download`), sent as `application/zip` and read as a stream (up to 512 MB). The organization must have no records (409 otherwise); its pipelines are replaced by the export's. Every CSV is checked against the manifest (format, schema version, SHA-256, rows, header) before anything is kept: a file that is not an export, was changed or cut short, lacks a CSV or comes from a newer version is refused with 422 naming the file (and line and column where there is one). A background job then restores it; follow `GET /restores/{restore_id}`. For admins and owners of the organization (403 for other members); another organization's restore answers 404.
         */
        post: {
            parameters: {
                query: {
                    /** @description The name of the uploaded ZIP, shown with the restore */
                    file_name: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "completed" | "failed";
                            percent: number;
                            file_name: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            source_organization_id: string;
                            /** @description The database schema the export was made with */
                            schema_version: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            exported_at: string;
                            /** @description CSVs read into the restore so far */
                            files_done: number;
                            files_total: number;
                            /** @description Rows written so far */
                            rows_done: number;
                            rows_total: number;
                            result: {
                                /** @description Rows restored, by file */
                                rows: {
                                    [key: string]: number;
                                };
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                reassigned_to: string;
                                /** @description People of the export who are not members of this organization (matched by email): their records now belong to `reassigned_to` */
                                people_not_members: {
                                    /** @description Null for people who had left before the export was made */
                                    email: string | null;
                                    name: string | null;
                                    /** @description Records they owned or were assigned, now owned by the admin who restored */
                                    records: number;
                                    /** @description Their team memberships, not restored */
                                    left_out: number;
                                }[];
                            } | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/restores/{restore_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A restore's progress and result
         * @description While it runs: files read and rows written. Once completed: the rows restored by file, and the people of the export who are not members here, whose records now belong to the admin who restored. A failed restore kept nothing and says why. For admins and owners of the organization (403 for other members); another organization's restore answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    restore_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "completed" | "failed";
                            percent: number;
                            file_name: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            source_organization_id: string;
                            /** @description The database schema the export was made with */
                            schema_version: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            exported_at: string;
                            /** @description CSVs read into the restore so far */
                            files_done: number;
                            files_total: number;
                            /** @description Rows written so far */
                            rows_done: number;
                            rows_total: number;
                            result: {
                                /** @description Rows restored, by file */
                                rows: {
                                    [key: string]: number;
                                };
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                reassigned_to: string;
                                /** @description People of the export who are not members of this organization (matched by email): their records now belong to `reassigned_to` */
                                people_not_members: {
                                    /** @description Null for people who had left before the export was made */
                                    email: string | null;
                                    name: string | null;
                                    /** @description Records they owned or were assigned, now owned by the admin who restored */
                                    records: number;
                                    /** @description Their team memberships, not restored */
                                    left_out: number;
                                }[];
                            } | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Import history: the latest 100, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-19"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a CSV file to import (admins)
         * @description The request body is the file itself, sent as `text/csv` (or `application/octet-stream`), read as a stream: up to 256 MB, 500 columns and 100000 characters a cell. The encoding (UTF-8 with or without BOM, UTF-16, Windows-1252) and the delimiter (comma, semicolon, tab) are detected. Answers each column's fill rate, sample values and suggested field. A file that cannot be read (binary, empty, header only, cut short, wrong encoding, formula cells) is refused with 422 naming the line and column, and nothing is kept.
         */
        post: {
            parameters: {
                query: {
                    /** @description The kind of record each row becomes */
                    kind: "lead" | "account" | "contact" | "deal";
                    /** @description Shown in the history */
                    file_name: string;
                    /** @description The file's encoding; "auto" (the default) detects it */
                    encoding?: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "auto";
                };
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @description The kind of record each row becomes
                             * @enum {string}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            file_name: string;
                            /**
                             * @description uploaded: ready for a dry run and a run
                             * @enum {string}
                             */
                            status: "uploaded" | "checking" | "queued" | "running" | "completed" | "cancelled" | "failed" | "undone";
                            encoding: string;
                            delimiter: string;
                            row_count: number;
                            columns: {
                                index: number;
                                header: string;
                                fill_rate: number;
                                samples: string[];
                                suggested_field: string | null;
                            }[];
                            /** @description The fields this import's columns can go to, in the mapping's `field` */
                            fields: {
                                /** @example last_name */
                                name: string;
                                /** @description A new record needs it */
                                required: boolean;
                            }[];
                            /** @description Rows with more or fewer cells than the header */
                            ragged_count: number;
                            /** @description The first 100 of them */
                            ragged_lines: number[];
                            settings: components["schemas"]["def-18"] | (never | null);
                            dry_run: {
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                checked_at: string;
                            } | null;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            } | null;
                            progress: {
                                rows_done: number;
                                percent: number;
                                seconds_left: number | null;
                            };
                            /** @description The run did not do what the dry run said: the data changed in between */
                            differs_from_dry_run: boolean;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            undone_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: its columns, settings, dry run, progress and counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    import_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @description The kind of record each row becomes
                             * @enum {string}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            file_name: string;
                            /**
                             * @description uploaded: ready for a dry run and a run
                             * @enum {string}
                             */
                            status: "uploaded" | "checking" | "queued" | "running" | "completed" | "cancelled" | "failed" | "undone";
                            encoding: string;
                            delimiter: string;
                            row_count: number;
                            columns: {
                                index: number;
                                header: string;
                                fill_rate: number;
                                samples: string[];
                                suggested_field: string | null;
                            }[];
                            /** @description The fields this import's columns can go to, in the mapping's `field` */
                            fields: {
                                /** @example last_name */
                                name: string;
                                /** @description A new record needs it */
                                required: boolean;
                            }[];
                            /** @description Rows with more or fewer cells than the header */
                            ragged_count: number;
                            /** @description The first 100 of them */
                            ragged_lines: number[];
                            settings: components["schemas"]["def-18"] | (never | null);
                            dry_run: {
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                checked_at: string;
                            } | null;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            } | null;
                            progress: {
                                rows_done: number;
                                percent: number;
                                seconds_left: number | null;
                            };
                            /** @description The run did not do what the dry run said: the data changed in between */
                            differs_from_dry_run: boolean;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            undone_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The last dry run's report: counts and the first 100 rejected rows
         * @description 409 when the import has not been checked, or is being checked.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    import_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            };
                            /** @description The first 100 rejected rows */
                            rejected: {
                                /** @description The line of the file the row starts on */
                                line: number;
                                problems: {
                                    column: string;
                                    reason: string;
                                }[];
                            }[];
                            rejected_total: number;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * What the import would do with this mapping, with nothing written (admins)
         * @description Counts of records created, updated, skipped and rejected, and the first 100 rejected rows with line, column and reason (all of them: `GET /imports/{import_id}/rejections`). The settings are kept: the run uses them. A file of more than 20,000 rows is checked in the background: the answer is then 202 with the import, `checking`, whose progress `GET /imports/{import_id}` follows; once it is `uploaded` again, `GET /imports/{import_id}/dry-run` gives the report. `POST /imports/{import_id}/cancel` stops the check.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    import_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Columns left out are not imported */
                        mapping: {
                            /** @description The column, from 0 */
                            column: number;
                            /** @description A field of the kind: lead: first_name, last_name, email, phone, company, job_title, website, status, source, rating, estimated_value, description, last_contacted_at, next_follow_up_at, owner, tags; account: name, website, domain, industry, phone, email, employees, annual_revenue, description, owner, tags; contact: first_name, last_name, email, phone, mobile, job_title, department, account, do_not_contact, description, owner, tags; deal: name, amount, account, primary_contact, pipeline, stage, expected_close_date, source, description, owner, tags */
                            field: string;
                        }[];
                        /**
                         * @description What a row matching an existing record or an earlier row does: update writes only its mapped, non-empty fields
                         * @enum {string}
                         */
                        duplicates: "skip" | "update" | "create";
                        /**
                         * @description How to read dates such as 03/04/2026, which could be either
                         * @enum {string}
                         */
                        date_format?: "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD.MM.YYYY";
                        /**
                         * @description How account rows find their duplicates (default: domain, then name)
                         * @enum {string}
                         */
                        account_match?: "domain" | "name" | "domain_or_name";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            };
                            /** @description The first 100 rejected rows */
                            rejected: {
                                /** @description The line of the file the row starts on */
                                line: number;
                                problems: {
                                    column: string;
                                    reason: string;
                                }[];
                            }[];
                            rejected_total: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @description The kind of record each row becomes
                             * @enum {string}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            file_name: string;
                            /**
                             * @description uploaded: ready for a dry run and a run
                             * @enum {string}
                             */
                            status: "uploaded" | "checking" | "queued" | "running" | "completed" | "cancelled" | "failed" | "undone";
                            encoding: string;
                            delimiter: string;
                            row_count: number;
                            columns: {
                                index: number;
                                header: string;
                                fill_rate: number;
                                samples: string[];
                                suggested_field: string | null;
                            }[];
                            /** @description The fields this import's columns can go to, in the mapping's `field` */
                            fields: {
                                /** @example last_name */
                                name: string;
                                /** @description A new record needs it */
                                required: boolean;
                            }[];
                            /** @description Rows with more or fewer cells than the header */
                            ragged_count: number;
                            /** @description The first 100 of them */
                            ragged_lines: number[];
                            settings: components["schemas"]["def-18"] | (never | null);
                            dry_run: {
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                checked_at: string;
                            } | null;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            } | null;
                            progress: {
                                rows_done: number;
                                percent: number;
                                seconds_left: number | null;
                            };
                            /** @description The run did not do what the dry run said: the data changed in between */
                            differs_from_dry_run: boolean;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            undone_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/rejections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every rejected row of the dry run or the run, as CSV: line, column, reason */
        get: {
            parameters: {
                query?: {
                    /** @description Which report (default: dry_run) */
                    phase?: "dry_run" | "run";
                };
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    import_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the import in the background with the settings of its dry run (admins)
         * @description Follow it with `GET /imports/{import_id}`: rows done, percent and seconds left. 409 before a dry run, or when it already ran.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    import_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @description The kind of record each row becomes
                             * @enum {string}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            file_name: string;
                            /**
                             * @description uploaded: ready for a dry run and a run
                             * @enum {string}
                             */
                            status: "uploaded" | "checking" | "queued" | "running" | "completed" | "cancelled" | "failed" | "undone";
                            encoding: string;
                            delimiter: string;
                            row_count: number;
                            columns: {
                                index: number;
                                header: string;
                                fill_rate: number;
                                samples: string[];
                                suggested_field: string | null;
                            }[];
                            /** @description The fields this import's columns can go to, in the mapping's `field` */
                            fields: {
                                /** @example last_name */
                                name: string;
                                /** @description A new record needs it */
                                required: boolean;
                            }[];
                            /** @description Rows with more or fewer cells than the header */
                            ragged_count: number;
                            /** @description The first 100 of them */
                            ragged_lines: number[];
                            settings: components["schemas"]["def-18"] | (never | null);
                            dry_run: {
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                checked_at: string;
                            } | null;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            } | null;
                            progress: {
                                rows_done: number;
                                percent: number;
                                seconds_left: number | null;
                            };
                            /** @description The run did not do what the dry run said: the data changed in between */
                            differs_from_dry_run: boolean;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            undone_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a queued or running import after its current batch (admins)
         * @description What it wrote so far stays, and can be undone.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    import_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @description The kind of record each row becomes
                             * @enum {string}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            file_name: string;
                            /**
                             * @description uploaded: ready for a dry run and a run
                             * @enum {string}
                             */
                            status: "uploaded" | "checking" | "queued" | "running" | "completed" | "cancelled" | "failed" | "undone";
                            encoding: string;
                            delimiter: string;
                            row_count: number;
                            columns: {
                                index: number;
                                header: string;
                                fill_rate: number;
                                samples: string[];
                                suggested_field: string | null;
                            }[];
                            /** @description The fields this import's columns can go to, in the mapping's `field` */
                            fields: {
                                /** @example last_name */
                                name: string;
                                /** @description A new record needs it */
                                required: boolean;
                            }[];
                            /** @description Rows with more or fewer cells than the header */
                            ragged_count: number;
                            /** @description The first 100 of them */
                            ragged_lines: number[];
                            settings: components["schemas"]["def-18"] | (never | null);
                            dry_run: {
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                checked_at: string;
                            } | null;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            } | null;
                            progress: {
                                rows_done: number;
                                percent: number;
                                seconds_left: number | null;
                            };
                            /** @description The run did not do what the dry run said: the data changed in between */
                            differs_from_dry_run: boolean;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            started_at: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            finished_at: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            undone_at: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo an import (admins)
         * @description Deletes the records it created and gives the records it updated their previous values. When records it created were edited since, answers 409 listing them (`details.edited_since`), unless `delete_edited` is true.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    import_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Also delete created records someone edited since (refused with 409 otherwise) */
                        delete_edited?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deleted: number;
                            restored: number;
                            edited_since: string[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's saved mappings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-20"][];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a mapping, by header name, for the next file (admins) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example HubSpot contacts */
                        name: string;
                        /**
                         * @description The kind of record each row becomes
                         * @enum {string}
                         */
                        kind: "lead" | "account" | "contact" | "deal";
                        /** @description Which header goes to which field */
                        mapping: {
                            header: string;
                            /** @description A field of the kind: lead: first_name, last_name, email, phone, company, job_title, website, status, source, rating, estimated_value, description, last_contacted_at, next_follow_up_at, owner, tags; account: name, website, domain, industry, phone, email, employees, annual_revenue, description, owner, tags; contact: first_name, last_name, email, phone, mobile, job_title, department, account, do_not_contact, description, owner, tags; deal: name, amount, account, primary_contact, pipeline, stage, expected_close_date, source, description, owner, tags */
                            field: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            /**
                             * @description The kind of record each row becomes
                             * @enum {string}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            mapping: {
                                header: string;
                                field: string;
                            }[];
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import-templates/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a saved mapping (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    template_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/web-forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's web-to-lead forms (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                name: string;
                                fields: {
                                    /**
                                     * @description A lead field
                                     * @enum {unknown}
                                     */
                                    field: "first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "description";
                                    required: boolean;
                                }[];
                                thank_you_message: string;
                                redirect_url: string | null;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                owner_id: string | null;
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                team_id: string | null;
                                active: boolean;
                                submission_count: number;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                last_submitted_at: string | null;
                                /** @description The public address the form posts to */
                                endpoint: string;
                                /** @description A plain HTML form to paste into a web page */
                                embed_html: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Build a web form (admins)
         * @description Leads it creates go to `owner_id`, or in turn to each member of `team_id`, who are notified; with neither they have no owner.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Contact us */
                        name: string;
                        /** @description The lead fields the form asks for, in order; the last name is always asked for */
                        fields: {
                            /**
                             * @description A lead field
                             * @enum {unknown}
                             */
                            field: "first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "description";
                            required: boolean;
                        }[];
                        /** @example Thank you! We will be in touch within a day. */
                        thank_you_message?: string;
                        /**
                         * @description Where a visitor is sent after submitting, instead of the thank-you page
                         * @example https://example.com/thanks
                         */
                        redirect_url?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        team_id?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            fields: {
                                /**
                                 * @description A lead field
                                 * @enum {unknown}
                                 */
                                field: "first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "description";
                                required: boolean;
                            }[];
                            thank_you_message: string;
                            redirect_url: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            team_id: string | null;
                            active: boolean;
                            submission_count: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            last_submitted_at: string | null;
                            /** @description The public address the form posts to */
                            endpoint: string;
                            /** @description A plain HTML form to paste into a web page */
                            embed_html: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/web-forms/{form_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One web form, with its embed snippet (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    form_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            fields: {
                                /**
                                 * @description A lead field
                                 * @enum {unknown}
                                 */
                                field: "first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "description";
                                required: boolean;
                            }[];
                            thank_you_message: string;
                            redirect_url: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            team_id: string | null;
                            active: boolean;
                            submission_count: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            last_submitted_at: string | null;
                            /** @description The public address the form posts to */
                            endpoint: string;
                            /** @description A plain HTML form to paste into a web page */
                            embed_html: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a web form (admins); its leads stay */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    form_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change or deactivate a web form (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    form_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example Contact us */
                        name?: string;
                        /** @description The lead fields the form asks for, in order; the last name is always asked for */
                        fields?: {
                            /**
                             * @description A lead field
                             * @enum {unknown}
                             */
                            field: "first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "description";
                            required: boolean;
                        }[];
                        /** @example Thank you! We will be in touch within a day. */
                        thank_you_message?: string;
                        /**
                         * @description Where a visitor is sent after submitting, instead of the thank-you page
                         * @example https://example.com/thanks
                         */
                        redirect_url?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        owner_id?: string | null;
                        /**
                         * Format: uuid
                         * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                         */
                        team_id?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            fields: {
                                /**
                                 * @description A lead field
                                 * @enum {unknown}
                                 */
                                field: "first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "description";
                                required: boolean;
                            }[];
                            thank_you_message: string;
                            redirect_url: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            team_id: string | null;
                            active: boolean;
                            submission_count: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            last_submitted_at: string | null;
                            /** @description The public address the form posts to */
                            endpoint: string;
                            /** @description A plain HTML form to paste into a web page */
                            embed_html: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/web-forms/{form_id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a web form's secret (admins)
         * @description The old address, and every page that embeds it, stops working at once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    form_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            name: string;
                            fields: {
                                /**
                                 * @description A lead field
                                 * @enum {unknown}
                                 */
                                field: "first_name" | "last_name" | "email" | "phone" | "company" | "job_title" | "website" | "description";
                                required: boolean;
                            }[];
                            thank_you_message: string;
                            redirect_url: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            owner_id: string | null;
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            team_id: string | null;
                            active: boolean;
                            submission_count: number;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            last_submitted_at: string | null;
                            /** @description The public address the form posts to */
                            endpoint: string;
                            /** @description A plain HTML form to paste into a web page */
                            embed_html: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tasks due in a range (a week or a month view)
         * @description `to` is exclusive, and at most 45 days after `from`.
         */
        get: {
            parameters: {
                query: {
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    from: string;
                    /**
                     * @description RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59.
                     * @example 2026-12-01T09:00:00Z
                     */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                title: string;
                                description: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                due_at: string;
                                /** @enum {unknown} */
                                type: "call" | "meeting" | "email" | "todo";
                                /** @enum {unknown} */
                                status: "open" | "in_progress" | "done";
                                /** @enum {unknown} */
                                priority: "low" | "normal" | "high" | "urgent";
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's calendar feed in this organization, if there is one */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            feed: {
                                /**
                                 * Format: uuid
                                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                                 */
                                id: string;
                                /** @description The secret address calendar applications subscribe to */
                                url: string;
                                /**
                                 * Format: date-time
                                 * @example 2026-01-31T09:00:00.000Z
                                 */
                                created_at: string;
                            } | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Make a new calendar feed address (ICS) of the caller’s tasks
         * @description Anyone with the address can read the tasks: it is a secret. A new address replaces the previous one, which stops working.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /** @description The secret address calendar applications subscribe to */
                            url: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        /** Revoke the caller’s calendar feed: its address stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The saved views of record lists the caller sees: shared ones and their own
         * @description With `kind`, `default_view_id` is the view its list opens with: the caller's default, or else the organization's.
         */
        get: {
            parameters: {
                query?: {
                    /** @example lead */
                    kind?: "lead" | "account" | "contact" | "deal";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["def-21"][];
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            default_view_id: string | null;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a list's filters, sort and columns as a view, personal or shared */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description Makes a retry safe: a request repeated with the same key within 24 hours gets the first answer again (status and body, with `Idempotent-Replayed: true`) and changes nothing. The same key with another body is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_key_in_use` with `Retry-After`. A request that failed does not keep its key. Keys belong to the organization; use a new random one (a UUID) per request.
                     * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                     */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @example lead
                         * @enum {unknown}
                         */
                        kind: "lead" | "account" | "contact" | "deal";
                        /** @example My hot leads */
                        name: string;
                        /**
                         * @description The list's filters as the kind's bulk `filter` takes them (and `q`): checked against the kind's list query when saved
                         * @example {
                         *       "status": [
                         *         "new",
                         *         "contacted"
                         *       ],
                         *       "owner_id": "2f1c6a3e-7d4b-4a8e-9c1d-5b6f7a8e9d0c"
                         *     }
                         */
                        filter?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description The list's `sort` parameter
                         * @example -created_at
                         */
                        sort?: string | null;
                        /**
                         * @description The columns the web list shows, in order; null for its own
                         * @example [
                         *       "name",
                         *       "status",
                         *       "owner"
                         *     ]
                         */
                        columns?: string[] | null;
                        shared?: boolean;
                        /** @description Open the list with this view (for the caller) */
                        is_default?: boolean;
                        /** @description Open everyone's list with it unless they chose one (admins) */
                        org_default?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @example lead
                             * @enum {unknown}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            name: string;
                            /**
                             * @description The list's filters as the kind's bulk `filter` takes them (and `q`): checked against the kind's list query when saved
                             * @example {
                             *       "status": [
                             *         "new",
                             *         "contacted"
                             *       ],
                             *       "owner_id": "2f1c6a3e-7d4b-4a8e-9c1d-5b6f7a8e9d0c"
                             *     }
                             */
                            filter: {
                                [key: string]: unknown;
                            };
                            sort: string | null;
                            columns: string[] | null;
                            /** @description Seen by the whole organization; otherwise its creator's */
                            shared: boolean;
                            /** @description The caller's default view of the kind */
                            is_default: boolean;
                            /** @description The organization's default view of the kind */
                            org_default: boolean;
                            /** @description Whether the caller may change, share or delete it */
                            can_edit: boolean;
                            /** @description Its filters that no longer hold (an archived field, a deleted tag) */
                            problems: {
                                /** @example filter.tag_id */
                                field: string;
                                /** @example the tag no longer exists */
                                message: string;
                            }[];
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            creator_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/views/{view_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One saved view, with what of its filters no longer holds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    view_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @example lead
                             * @enum {unknown}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            name: string;
                            /**
                             * @description The list's filters as the kind's bulk `filter` takes them (and `q`): checked against the kind's list query when saved
                             * @example {
                             *       "status": [
                             *         "new",
                             *         "contacted"
                             *       ],
                             *       "owner_id": "2f1c6a3e-7d4b-4a8e-9c1d-5b6f7a8e9d0c"
                             *     }
                             */
                            filter: {
                                [key: string]: unknown;
                            };
                            sort: string | null;
                            columns: string[] | null;
                            /** @description Seen by the whole organization; otherwise its creator's */
                            shared: boolean;
                            /** @description The caller's default view of the kind */
                            is_default: boolean;
                            /** @description The organization's default view of the kind */
                            org_default: boolean;
                            /** @description Whether the caller may change, share or delete it */
                            can_edit: boolean;
                            /** @description Its filters that no longer hold (an archived field, a deleted tag) */
                            problems: {
                                /** @example filter.tag_id */
                                field: string;
                                /** @example the tag no longer exists */
                                message: string;
                            }[];
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            creator_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a view (its creator, or for a shared view also an admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    view_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename, change, share or make a view the default
         * @description `is_default` is open to whoever sees the view; the other fields to its creator, or for a shared view also an admin. `org_default` is for admins, on shared views.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    view_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example My hot leads */
                        name?: string;
                        /**
                         * @description The list's filters as the kind's bulk `filter` takes them (and `q`): checked against the kind's list query when saved
                         * @example {
                         *       "status": [
                         *         "new",
                         *         "contacted"
                         *       ],
                         *       "owner_id": "2f1c6a3e-7d4b-4a8e-9c1d-5b6f7a8e9d0c"
                         *     }
                         */
                        filter?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description The list's `sort` parameter
                         * @example -created_at
                         */
                        sort?: string | null;
                        /**
                         * @description The columns the web list shows, in order; null for its own
                         * @example [
                         *       "name",
                         *       "status",
                         *       "owner"
                         *     ]
                         */
                        columns?: string[] | null;
                        shared?: boolean;
                        /** @description Open the list with this view (for the caller) */
                        is_default?: boolean;
                        /** @description Open everyone's list with it unless they chose one (admins) */
                        org_default?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            id: string;
                            /**
                             * @example lead
                             * @enum {unknown}
                             */
                            kind: "lead" | "account" | "contact" | "deal";
                            name: string;
                            /**
                             * @description The list's filters as the kind's bulk `filter` takes them (and `q`): checked against the kind's list query when saved
                             * @example {
                             *       "status": [
                             *         "new",
                             *         "contacted"
                             *       ],
                             *       "owner_id": "2f1c6a3e-7d4b-4a8e-9c1d-5b6f7a8e9d0c"
                             *     }
                             */
                            filter: {
                                [key: string]: unknown;
                            };
                            sort: string | null;
                            columns: string[] | null;
                            /** @description Seen by the whole organization; otherwise its creator's */
                            shared: boolean;
                            /** @description The caller's default view of the kind */
                            is_default: boolean;
                            /** @description The organization's default view of the kind */
                            org_default: boolean;
                            /** @description Whether the caller may change, share or delete it */
                            can_edit: boolean;
                            /** @description Its filters that no longer hold (an archived field, a deleted tag) */
                            problems: {
                                /** @example filter.tag_id */
                                field: string;
                                /** @example the tag no longer exists */
                                message: string;
                            }[];
                            /**
                             * Format: uuid
                             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                             */
                            created_by: string | null;
                            creator_name: string | null;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @example 2026-01-31T09:00:00.000Z
                             */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/views/{view_id}/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many records the view's list holds
         * @description Counted by the list's own query. `count` is null when a filter of the view no longer fits the list (see `problems`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @example 0f8fad5b-d9cb-469f-a165-70867728950e */
                    view_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number | null;
                            problems: {
                                /** @example filter.tag_id */
                                field: string;
                                /** @example the tag no longer exists */
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/forms/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a web form: creates a lead in the form’s organization
         * @description Send the form's fields as `application/x-www-form-urlencoded` (a plain HTML form; answered with a 303 to the form's redirect or a thank-you page) or as JSON (answered JSON, CORS allowed). The organization is the one the token names; nothing in the body can choose another.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description From the form's embed snippet */
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            redirect_url: string | null;
                        };
                    };
                };
                /** @description To the form's redirect address */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A calendar feed (iCalendar) of one person’s tasks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description `<token>.ics` */
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/calendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Every error answer has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Every error answer has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Duplicate */
        "def-0": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            title: string;
            subtitle: string | null;
            matched_on: ("email" | "name" | "domain" | "phone")[];
        };
        /** DuplicateGroup */
        "def-1": {
            /** @enum {unknown} */
            reason: "email" | "name" | "domain" | "phone";
            /** @description The shared value as compared: an email, or a folded name, domain or phone */
            key: string;
            /** @description How many records share the key */
            size: number;
            /** @description The oldest 20 records of the group */
            records: {
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                id: string;
                title: string;
                subtitle: string | null;
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                owner_id: string | null;
                created_at: string;
            }[];
        };
        /** Lead */
        "def-2": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            owner_id: string | null;
            tags: {
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                id: string;
                name: string;
                color: string;
            }[];
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
             * @example 812
             */
            version: string;
            /**
             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
             * @example {
             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
             *       "budget_code": "EMEA-7"
             *     }
             */
            custom_fields: {
                [key: string]: unknown;
            };
            first_name: string;
            last_name: string;
            email: string | null;
            phone: string | null;
            company: string | null;
            job_title: string | null;
            website: string | null;
            /** @enum {unknown} */
            status: "new" | "contacted" | "qualified" | "unqualified" | "converted";
            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
            rating: ("hot" | "warm" | "cold") | (never | null);
            estimated_value: number | null;
            currency: string;
            address: {
                [key: string]: string;
            };
            description: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            last_contacted_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            next_follow_up_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            converted_at: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            converted_account_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            converted_contact_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            converted_deal_id: string | null;
            do_not_contact: boolean;
        };
        /** Account */
        "def-3": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            owner_id: string | null;
            tags: {
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                id: string;
                name: string;
                color: string;
            }[];
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
             * @example 812
             */
            version: string;
            /**
             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
             * @example {
             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
             *       "budget_code": "EMEA-7"
             *     }
             */
            custom_fields: {
                [key: string]: unknown;
            };
            name: string;
            website: string | null;
            domain: string | null;
            industry: string | null;
            phone: string | null;
            email: string | null;
            employees: number | null;
            annual_revenue: number | null;
            billing_address: {
                [key: string]: string;
            };
            shipping_address: {
                [key: string]: string;
            };
            description: string;
        };
        /** Contact */
        "def-4": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            owner_id: string | null;
            tags: {
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                id: string;
                name: string;
                color: string;
            }[];
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
             * @example 812
             */
            version: string;
            /**
             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
             * @example {
             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
             *       "budget_code": "EMEA-7"
             *     }
             */
            custom_fields: {
                [key: string]: unknown;
            };
            first_name: string;
            last_name: string;
            email: string | null;
            phone: string | null;
            mobile: string | null;
            job_title: string | null;
            department: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            account_id: string | null;
            /** @description The account's name */
            account_name: string | null;
            do_not_contact: boolean;
            address: {
                [key: string]: string;
            };
            description: string;
        };
        /** Pipeline */
        "def-5": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            name: string;
            is_default: boolean;
            position: number;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            stages: {
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                id: string;
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                pipeline_id: string;
                name: string;
                position: number;
                probability: number;
                /** @enum {unknown} */
                kind: "open" | "won" | "lost";
                /**
                 * Format: date-time
                 * @example 2026-01-31T09:00:00.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-01-31T09:00:00.000Z
                 */
                updated_at: string;
            }[];
        };
        /** Deal */
        "def-6": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            owner_id: string | null;
            tags: {
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                id: string;
                name: string;
                color: string;
            }[];
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
             * @example 812
             */
            version: string;
            /**
             * @description The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.
             * @example {
             *       "region": "c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a",
             *       "budget_code": "EMEA-7"
             *     }
             */
            custom_fields: {
                [key: string]: unknown;
            };
            name: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            account_id: string | null;
            /** @description The account's name */
            account_name: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            primary_contact_id: string | null;
            /** @description Other contacts involved in the deal */
            contact_ids: string[];
            amount: number;
            currency: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            pipeline_id: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            stage_id: string;
            /**
             * @description The kind of the deal's stage
             * @enum {unknown}
             */
            status: "open" | "won" | "lost";
            /** @description Order within the stage's board column */
            stage_rank: number;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            stage_entered_at: string;
            /** Format: date */
            expected_close_date: string | null;
            probability: number;
            source: ("web" | "referral" | "cold_call" | "event" | "partner" | "advertisement" | "other") | (never | null);
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            closed_at: string | null;
            lost_reason: string | null;
            description: string;
        };
        /** Task */
        "def-7": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            title: string;
            description: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            due_at: string | null;
            /**
             * @example high
             * @enum {unknown}
             */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * @description What kind of work: a call, a meeting, an email, or anything else to do
             * @example call
             * @enum {unknown}
             */
            type: "call" | "meeting" | "email" | "todo";
            /**
             * @example open
             * @enum {unknown}
             */
            status: "open" | "in_progress" | "done";
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            assignee_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            lead_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            account_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            contact_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            deal_id: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            completed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
             * @example 812
             */
            version: string;
        };
        /** Note */
        "def-8": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            body: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            lead_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            account_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            contact_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            deal_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /** @description Null once the author has left */
            author_name: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /**
             * @description Changes whenever the record changes; send it back as `If-Match` to write only over this version
             * @example 812
             */
            version: string;
        };
        /** Email */
        "def-9": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /** @enum {unknown} */
            direction: "sent" | "received";
            status: ("queued" | "sent" | "failed") | (never | null);
            from_address: string;
            to_addresses: string[];
            cc_addresses: string[];
            subject: string;
            /** @description The text of the message; HTML is never kept */
            body_text: string;
            message_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            email_template_id: string | null;
            /** @description The mail server's last refusal */
            error: string | null;
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            occurred_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
            /** @description The records the email is on */
            links: {
                /** @enum {unknown} */
                record_type: "lead" | "account" | "contact" | "deal";
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                record_id: string;
            }[];
        };
        /** EmailTemplate */
        "def-10": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            name: string;
            subject: string;
            body: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
        };
        /** File */
        "def-11": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /** @description The name it was uploaded with, shown as given */
            name: string;
            /** @description Images (PNG, JPEG, GIF, WebP) and PDFs as their bytes show them; otherwise the type the upload declared, or application/octet-stream */
            content_type: string;
            byte_size: number;
            /** @description Hex SHA-256 of the bytes */
            sha256: string;
            /** @description An image or PDF the browser may show inline */
            previewable: boolean;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            lead_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            account_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            contact_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            deal_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            note_id: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /** @description Null once the uploader has left */
            uploader_name: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
        };
        /** Tag */
        "def-12": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            name: string;
            color: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
        };
        /** CustomField */
        "def-13": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /** @enum {unknown} */
            record_type: "lead" | "account" | "contact" | "deal";
            /** @description Stable: the name of the field in `custom_fields` */
            key: string;
            label: string;
            /** @enum {unknown} */
            field_type: "text" | "long_text" | "number" | "money" | "date" | "datetime" | "checkbox" | "select" | "multi_select" | "url" | "email" | "phone" | "member";
            required: boolean;
            /** @description By the field's type: text, long_text, url, email, phone: a string; number, money: a number; date: `YYYY-MM-DD`; datetime: ISO 8601 with a zone; checkbox: a boolean; select: an option's id; multi_select: a list of option ids; member: a user id. `null` clears it. */
            default_value: string | number | boolean | string[] | (never | null);
            description: string;
            position: number;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            archived_at: string | null;
            /** @description A select's options, in their order */
            options: {
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                id: string;
                label: string;
                color: string;
                position: number;
            }[];
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
        };
        /** SearchHit */
        "def-14": {
            /** @enum {unknown} */
            type: "lead" | "account" | "contact" | "deal";
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            title: string;
            subtitle: string | null;
            /** @description Sum over the query's words of the best match's weight: 3 a name, 2 an email, company or domain, 1 anything else; doubled when the word matches a whole word */
            score: number;
        };
        /** Notification */
        "def-15": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /** @enum {unknown} */
            kind: "record_assigned" | "task_assigned" | "task_due" | "export_ready" | "email_failed";
            title: string;
            body: string;
            record_type: ("lead" | "account" | "contact" | "deal" | "task") | (never | null);
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            record_id: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            read_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
        };
        /** OrgExport */
        "def-16": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /** @enum {unknown} */
            status: "queued" | "running" | "ready" | "failed" | "expired";
            percent: number;
            files_done: number;
            files_total: number;
            rows_done: number;
            /** @description Size of the ZIP, once ready */
            byte_size: number | null;
            /** @description SHA-256 of the ZIP, once ready */
            sha256: string | null;
            error: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            finished_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
        };
        /** OrgRestore */
        "def-17": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /** @enum {unknown} */
            status: "queued" | "running" | "completed" | "failed";
            percent: number;
            file_name: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            source_organization_id: string;
            /** @description The database schema the export was made with */
            schema_version: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            exported_at: string;
            /** @description CSVs read into the restore so far */
            files_done: number;
            files_total: number;
            /** @description Rows written so far */
            rows_done: number;
            rows_total: number;
            result: {
                /** @description Rows restored, by file */
                rows: {
                    [key: string]: number;
                };
                /**
                 * Format: uuid
                 * @example 0f8fad5b-d9cb-469f-a165-70867728950e
                 */
                reassigned_to: string;
                /** @description People of the export who are not members of this organization (matched by email): their records now belong to `reassigned_to` */
                people_not_members: {
                    /** @description Null for people who had left before the export was made */
                    email: string | null;
                    name: string | null;
                    /** @description Records they owned or were assigned, now owned by the admin who restored */
                    records: number;
                    /** @description Their team memberships, not restored */
                    left_out: number;
                }[];
            } | null;
            error: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            finished_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
        };
        /** ImportSettings */
        "def-18": {
            /** @description Columns left out are not imported */
            mapping: {
                /** @description The column, from 0 */
                column: number;
                /** @description A field of the kind: lead: first_name, last_name, email, phone, company, job_title, website, status, source, rating, estimated_value, description, last_contacted_at, next_follow_up_at, owner, tags; account: name, website, domain, industry, phone, email, employees, annual_revenue, description, owner, tags; contact: first_name, last_name, email, phone, mobile, job_title, department, account, do_not_contact, description, owner, tags; deal: name, amount, account, primary_contact, pipeline, stage, expected_close_date, source, description, owner, tags */
                field: string;
            }[];
            /**
             * @description What a row matching an existing record or an earlier row does: update writes only its mapped, non-empty fields
             * @enum {string}
             */
            duplicates: "skip" | "update" | "create";
            /**
             * @description How to read dates such as 03/04/2026, which could be either
             * @enum {string}
             */
            date_format?: "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD.MM.YYYY";
            /**
             * @description How account rows find their duplicates (default: domain, then name)
             * @enum {string}
             */
            account_match?: "domain" | "name" | "domain_or_name";
        };
        /** Import */
        "def-19": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /**
             * @description The kind of record each row becomes
             * @enum {string}
             */
            kind: "lead" | "account" | "contact" | "deal";
            file_name: string;
            /**
             * @description uploaded: ready for a dry run and a run
             * @enum {string}
             */
            status: "uploaded" | "checking" | "queued" | "running" | "completed" | "cancelled" | "failed" | "undone";
            encoding: string;
            delimiter: string;
            row_count: number;
            columns: {
                index: number;
                header: string;
                fill_rate: number;
                samples: string[];
                suggested_field: string | null;
            }[];
            /** @description The fields this import's columns can go to, in the mapping's `field` */
            fields: {
                /** @example last_name */
                name: string;
                /** @description A new record needs it */
                required: boolean;
            }[];
            /** @description Rows with more or fewer cells than the header */
            ragged_count: number;
            /** @description The first 100 of them */
            ragged_lines: number[];
            settings: components["schemas"]["def-18"] | (never | null);
            dry_run: {
                counts: {
                    created: number;
                    updated: number;
                    skipped: number;
                    rejected: number;
                };
                /**
                 * Format: date-time
                 * @example 2026-01-31T09:00:00.000Z
                 */
                checked_at: string;
            } | null;
            counts: {
                created: number;
                updated: number;
                skipped: number;
                rejected: number;
            } | null;
            progress: {
                rows_done: number;
                percent: number;
                seconds_left: number | null;
            };
            /** @description The run did not do what the dry run said: the data changed in between */
            differs_from_dry_run: boolean;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            finished_at: string | null;
            error: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            undone_at: string | null;
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
        };
        /** ImportTemplate */
        "def-20": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            name: string;
            /**
             * @description The kind of record each row becomes
             * @enum {string}
             */
            kind: "lead" | "account" | "contact" | "deal";
            mapping: {
                header: string;
                field: string;
            }[];
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
        };
        /** SavedView */
        "def-21": {
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            id: string;
            /**
             * @example lead
             * @enum {unknown}
             */
            kind: "lead" | "account" | "contact" | "deal";
            name: string;
            /**
             * @description The list's filters as the kind's bulk `filter` takes them (and `q`): checked against the kind's list query when saved
             * @example {
             *       "status": [
             *         "new",
             *         "contacted"
             *       ],
             *       "owner_id": "2f1c6a3e-7d4b-4a8e-9c1d-5b6f7a8e9d0c"
             *     }
             */
            filter: {
                [key: string]: unknown;
            };
            sort: string | null;
            columns: string[] | null;
            /** @description Seen by the whole organization; otherwise its creator's */
            shared: boolean;
            /** @description The caller's default view of the kind */
            is_default: boolean;
            /** @description The organization's default view of the kind */
            org_default: boolean;
            /** @description Whether the caller may change, share or delete it */
            can_edit: boolean;
            /** @description Its filters that no longer hold (an archived field, a deleted tag) */
            problems: {
                /** @example filter.tag_id */
                field: string;
                /** @example the tag no longer exists */
                message: string;
            }[];
            /**
             * Format: uuid
             * @example 0f8fad5b-d9cb-469f-a165-70867728950e
             */
            created_by: string | null;
            creator_name: string | null;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-31T09:00:00.000Z
             */
            updated_at: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'feed-a');
  b = await signUp(t.app, 'feed-b');
});
afterAll(async () => {
  await t.close();
});

const api = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  who: { auth: { authorization: string } },
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function task(who: SignedUp, fields: Record<string, unknown>) {
  const response = await api('POST', '/tasks', who, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>();
}

async function createFeed(who: SignedUp): Promise<string> {
  const response = await api('POST', '/calendar/feed', who);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ url: string }>().url;
}

const read = (url: string) => t.app.inject({ url: new URL(url).pathname });

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      stamp: vevent.getFirstPropertyValue('dtstamp'),
    };
  });
}

const soon = (days: number, time = 'T09:30:00.000Z') =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10) + time;

describe('the personal calendar feed', () => {
  it('serves the person’s tasks with a due date as valid iCalendar', async () => {
    const title =
      'Call Ada, re: pilot; bring a\\b and a very long title that must be folded over lines';
    const timed = await task(a, {
      title,
      description: 'First line\nSecond line',
      due_at: soon(2),
      assignee_id: a.userId,
    });
    const allDay = await task(a, { title: 'Trade fair', due_at: soon(5, 'T00:00:00.000Z') });
    await task(a, { title: 'No due date' });
    const url = await createFeed(a);
    expect(url).toMatch(/^http:\/\/rampart\.test\/api\/public\/calendar\/.+\.ics$/);

    const response = await read(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const lines = response.body.split('\r\n');
    expect(response.body.replaceAll('\r\n', '')).not.toContain('\n');
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);

    const found = events(response.body);
    expect(found.map((e) => e.summary).sort()).toEqual([title, 'Trade fair'].sort());
    const timedEvent = found.find((e) => e.summary === title)!;
    expect(timedEvent.uid).toContain(timed.id);
    expect(timedEvent.description).toBe('First line\nSecond line');
    expect(timedEvent.start.isDate).toBe(false);
    expect(timedEvent.start.toJSDate().toISOString()).toBe(soon(2));
    expect(timedEvent.stamp).toBeTruthy();
    const allDayEvent = found.find((e) => e.summary === 'Trade fair')!;
    expect(allDayEvent.uid).toContain(allDay.id);
    expect(allDayEvent.start.isDate).toBe(true);

    // The same task keeps its UID from one read to the next.
    const again = events((await read(url)).body);
    expect(again.find((e) => e.summary === title)!.uid).toBe(timedEvent.uid);
  });

  it('holds no one else’s tasks, and never another organization’s', async () => {
    const colleague = await joinByInvitation(t.app, a, 'member', 'colleague');
    await task(a, { title: 'Colleague task', due_at: soon(1), assignee_id: colleague.userId });
    await task(b, { title: 'B secret task', due_at: soon(1) });
    const feedOfA = (await read(await createFeed(a))).body;
    expect(feedOfA).not.toContain('Colleague task');
    expect(feedOfA).not.toContain('B secret task');
    const feedOfColleague = events((await read(await createFeed(colleague))).body);
    expect(feedOfColleague.map((e) => e.summary)).toEqual(['Colleague task']);
    const feedOfB = events((await read(await createFeed(b))).body);
    expect(feedOfB.map((e) => e.summary)).toEqual(['B secret task']);
  });

  it('answers a forged organization in the address with 404', async () => {
    const url = await createFeed(a);
    const secret = new URL(url).pathname.split('/').at(-1)!.split('.')[1]!;
    const forged = await t.app.inject({ url: `/api/public/calendar/${b.orgId}.${secret}.ics` });
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.code).toBe('not_found');
    const garbage = await t.app.inject({ url: '/api/public/calendar/not-a-token.ics' });
    expect(garbage.statusCode).toBe(404);
  });

  it('stops answering once revoked or replaced', async () => {
    const first = await createFeed(a);
    const second = await createFeed(a);
    expect(second).not.toBe(first);
    expect((await read(first)).statusCode).toBe(404);
    expect((await read(second)).statusCode).toBe(200);
    expect((await api('GET', '/calendar/feed', a)).json().feed.url).toBe(second);

    expect((await api('DELETE', '/calendar/feed', a)).statusCode).toBe(204);
    expect((await read(second)).statusCode).toBe(404);
    expect((await api('GET', '/calendar/feed', a)).json()).toEqual({ feed: null });
    expect((await api('DELETE', '/calendar/feed', a)).statusCode).toBe(404);
  });

  it('stops answering when the person leaves the organization', async () => {
    const leaver = await joinByInvitation(t.app, a, 'member', 'leaver');
    const url = await createFeed(leaver);
    expect((await read(url)).statusCode).toBe(200);
    const removed = await api('DELETE', `/members/${leaver.userId}`, a);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await read(url)).statusCode).toBe(404);
  });

  it('lists the caller’s tasks due in a week or month for the calendar view', async () => {
    const from = soon(-1, 'T00:00:00.000Z');
    const to = soon(30, 'T00:00:00.000Z');
    const response = await api('GET', `/calendar/tasks?from=${from}&to=${to}`, a);
    expect(response.statusCode, response.body).toBe(200);
    const titles = response.json().data.map((d: { title: string }) => d.title);
    expect(titles).toContain('Trade fair');
    expect(titles).not.toContain('Colleague task');
    expect(titles).not.toContain('No due date');
    const inB = await api('GET', `/calendar/tasks?from=${from}&to=${to}`, b);
    expect(inB.json().data.map((d: { title: string }) => d.title)).toEqual(['B secret task']);

    const tooLong = await api('GET', `/calendar/tasks?from=${from}&to=${soon(90)}`, a);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details.fields[0].field).toBe('to');
  });
});

/**
 * Changes made on this page that a record's timeline shows (a note written, a task completed, a
 * file attached): the timeline reads again whenever the count moves, as those changes leave the
 * record's own version alone.
 */
class Activity {
  version = $state(0);

  touch(): void {
    this.version += 1;
  }
}

export const activity = new Activity();

// Local mode only: sign in as another demo person (coordinator, staff, officer, citizen) to see their views.
import type { DemoUser } from '../../../bot/tools/demo/line.ts';

interface Props {
  users: readonly DemoUser[];
  current: string | undefined;
  onSwitch: (userId: string) => void;
}

export function IdentitySwitcher({ users, current, onSwitch }: Props) {
  return (
    <label class="identity">
      <span class="sr-only">ทดลองใช้ในฐานะ</span>
      <select id="identity" value={current} onChange={(e) => onSwitch(e.currentTarget.value)}>
        {users.map((u) => (
          <option key={u.userId} value={u.userId}>
            {u.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}

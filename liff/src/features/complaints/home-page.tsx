// The complaints hub: file a new complaint, see "my complaints", look one up by code; officers also reach their queue.
import './complaint-styles.css';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';

export function ComplaintHomePage() {
  const { roles } = useSession();
  return (
    <div>
      <p class="lead">แจ้งเรื่องทุจริต ประพฤติมิชอบ หรือการให้บริการที่ไม่เหมาะสม และติดตามผลได้ที่นี่</p>
      <ul class="complaint-menu">
        <li>
          <a class="complaint-menu-item" href={hrefOf('complaints/new')}>
            <strong>แจ้งเรื่องร้องเรียน</strong>
            <span class="muted small">ระบุชื่อหรือไม่ระบุชื่อก็ได้ ใช้เวลาประมาณ 5 นาที</span>
          </a>
        </li>
        <li>
          <a class="complaint-menu-item" href={hrefOf('complaints/mine')}>
            <strong>เรื่องของฉัน</strong>
            <span class="muted small">เรื่องที่แจ้งจากบัญชี LINE นี้</span>
          </a>
        </li>
        <li>
          <a class="complaint-menu-item" href={hrefOf('complaints/track')}>
            <strong>ติดตามด้วยรหัส</strong>
            <span class="muted small">ใช้รหัสติดตาม 15 ตัวที่ได้รับตอนแจ้งเรื่อง</span>
          </a>
        </li>
        {roles.has('officer') && (
          <li>
            <a class="complaint-menu-item" href={hrefOf('cases')}>
              <strong>เรื่องที่รอดำเนินการ (เจ้าหน้าที่)</strong>
              <span class="muted small">รับเรื่อง ดำเนินการ และปิดเรื่อง</span>
            </a>
          </li>
        )}
        {(roles.has('officer') || roles.has('coordinator')) && (
          <li>
            <a class="complaint-menu-item" href={hrefOf('cases/stats')}>
              <strong>สถิติเรื่องร้องเรียน</strong>
              <span class="muted small">สำหรับเผยแพร่ตามเกณฑ์ OIT</span>
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Card } from 'antd';

/** A titled part of the guide; `id` makes it a link target from the guide's contents. */
export function GuideSection({
  id,
  title,
  children,
  extra,
}: {
  id: string;
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="ow-guide-section">
      <Card
        size="small"
        title={
          <h2 id={`${id}-title`} className="ow-section-title">
            {title}
          </h2>
        }
        extra={extra}
      >
        {children}
      </Card>
    </section>
  );
}

import { useEffect, useState } from "react";

/** A QR code of `value` as an inline SVG (the `qrcode` library loads only where one is shown). */
export function QrCode({ value, label, size = 192 }: { value: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void import("qrcode").then((qr) =>
      qr.toString(value, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((text) => {
        if (alive) setSvg(text);
      }),
    );
    return () => {
      alive = false;
    };
  }, [value]);
  return (
    <div
      role="img"
      aria-label={label}
      data-testid="join-qr"
      className="rounded-lg bg-white p-2"
      style={{ width: size, height: size }}
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}

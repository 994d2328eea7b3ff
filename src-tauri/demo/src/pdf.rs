//! A small PDF writer for the demo files: Latin text, Japanese text (non-embedded Adobe-Japan1), boxes.

use std::fmt::Write;

/// Drawing operations for one page (A4, points, origin bottom-left).
#[derive(Default)]
pub struct Page {
    ops: String,
}

fn latin_escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '(' | ')' | '\\' => format!("\\{c}"),
            c if c.is_ascii() => c.to_string(),
            _ => "?".to_owned(),
        })
        .collect()
}

impl Page {
    /// Latin text in Helvetica.
    pub fn text(&mut self, x: f32, y: f32, size: f32, s: &str) -> &mut Self {
        let _ = writeln!(self.ops, "BT /F1 {size} Tf {x} {y} Td ({}) Tj ET", latin_escape(s));
        self
    }
    /// Japanese (or any BMP) text through the UniJIS-UCS2-H CMap.
    pub fn jtext(&mut self, x: f32, y: f32, size: f32, s: &str) -> &mut Self {
        let hex: String = s.encode_utf16().map(|u| format!("{u:04X}")).collect();
        let _ = writeln!(self.ops, "BT /F2 {size} Tf {x} {y} Td <{hex}> Tj ET");
        self
    }
    /// A filled rectangle in RGB (0..1).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, rgb: (f32, f32, f32)) -> &mut Self {
        let _ = writeln!(self.ops, "{} {} {} rg {x} {y} {w} {h} re f 0 0 0 rg", rgb.0, rgb.1, rgb.2);
        self
    }
}

/// Assembles pages into a complete PDF file with a correct cross-reference table.
pub fn build(pages: &[Page]) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Japanese Type0, 5 CIDFont, 6 descriptor, then page+content pairs.
    let mut objs: Vec<Vec<u8>> = Vec::new();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 7 + i * 2)).collect();
    objs.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objs.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    objs.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    objs.push(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-HW-H /DescendantFonts [5 0 R] >>".to_vec(),
    );
    objs.push(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 >>".to_vec());
    objs.push(b"<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [-92 -250 1010 922] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 69 >>".to_vec());
    for (i, p) in pages.iter().enumerate() {
        let content = 8 + i * 2;
        objs.push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content} 0 R >>").into_bytes());
        let mut stream = format!("<< /Length {} >>\nstream\n", p.ops.len()).into_bytes();
        stream.extend_from_slice(p.ops.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        objs.push(stream);
    }
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objs.len());
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1);
    for off in offsets {
        let _ = writeln!(table, "{off:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objs.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xref_offsets_point_at_objects() {
        let mut p = Page::default();
        p.text(50.0, 800.0, 12.0, "Hello (world)").jtext(50.0, 780.0, 12.0, "日本語");
        let pdf = build(&[p, Page::default()]);
        let find = |needle: &[u8]| pdf.windows(needle.len()).rposition(|w| w == needle).unwrap();
        let text = |from: usize| String::from_utf8_lossy(&pdf[from..]).into_owned();
        assert!(pdf.starts_with(b"%PDF-1.7"));
        assert!(text(0).contains("/Count 2"));
        assert!(text(0).contains("<65E5672C8A9E> Tj"));
        let after = find(b"startxref\n") + b"startxref\n".len();
        let start: usize = text(after).lines().next().unwrap().parse().unwrap();
        assert!(pdf[start..].starts_with(b"xref"));
        let first = text(start).lines().nth(3).unwrap().to_owned();
        let off: usize = first[..10].parse().unwrap();
        assert!(pdf[off..].starts_with(b"1 0 obj"));
    }
}

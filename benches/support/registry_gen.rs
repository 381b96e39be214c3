//! Makes a full-size France Compétences export from the real samples in
//! `tests/fixtures/registry/`, with variations: unique numbers (and bloc codes
//! that follow them), varied titles and text lengths, ~16 % RS fiches, and
//! partner lists skewed like the real ones (most fiches 0–3, a few hundreds).
//! Deterministic: the same count gives the same bytes.
//!
//! Used by `benches/registry.rs` and `examples/registry_gen.rs`.

#![allow(dead_code)]

use std::io::{self, Read, Write};
use std::path::Path;

const RNCP_SAMPLE: &str = include_str!("../../tests/fixtures/registry/export-rncp-sample.xml");
const RS_SAMPLE: &str = include_str!("../../tests/fixtures/registry/export-rs-sample.xml");

/// Bytes per fiche of the real export (570 MB / 30 500 fiches).
pub const REAL_BYTES_PER_FICHE: u64 = 570_000_000 / 30_500;

/// Text fields whose length varies from fiche to fiche.
const TEXT_TAGS: [&str; 11] = [
    "ACTIVITES_VISEES",
    "CAPACITES_ATTESTEES",
    "SECTEURS_ACTIVITE",
    "TYPE_EMPLOI_ACCESSIBLES",
    "OBJECTIFS_CONTEXTE",
    "LISTE_COMPETENCES",
    "MODALITES_EVALUATION",
    "COMPOSITION",
    "REGLEMENTATIONS_ACTIVITES",
    "PREREQUIS_ENTREE_FORMATION",
    "TITRE",
];

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

struct Template {
    rs: bool,
    /// The fiche without its partner list, indentation removed.
    body: String,
    number: String,
}

struct Samples {
    templates: Vec<Template>,
    partners: Vec<String>,
}

fn fiches(xml: &str) -> impl Iterator<Item = &str> {
    xml.match_indices("<FICHE>").map(move |(start, _)| {
        let end = xml[start..].find("</FICHE>").unwrap() + start + "</FICHE>".len();
        &xml[start..end]
    })
}

/// The real export is not indented; the samples were re-indented.
fn unindent(text: &str) -> String {
    text.lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n")
}

fn samples() -> Samples {
    let mut templates = Vec::new();
    let mut partners = Vec::new();
    for (xml, rs) in [(RNCP_SAMPLE, false), (RS_SAMPLE, true)] {
        for fiche in fiches(xml) {
            let fiche = unindent(fiche);
            let number = between(&fiche, "<NUMERO_FICHE>", "</NUMERO_FICHE>")
                .unwrap()
                .to_string();
            let body = match (fiche.find("<PARTENAIRES>"), fiche.find("</PARTENAIRES>")) {
                (Some(a), Some(b)) => {
                    let list = &fiche[a..b];
                    for (s, _) in list.match_indices("<PARTENAIRE>") {
                        let e = list[s..].find("</PARTENAIRE>").unwrap() + s;
                        partners.push(list[s..e + "</PARTENAIRE>".len()].to_string());
                    }
                    format!(
                        "{}<PARTENAIRES/>{}",
                        &fiche[..a],
                        &fiche[b + "</PARTENAIRES>".len()..]
                    )
                }
                _ => fiche,
            };
            templates.push(Template { rs, body, number });
        }
    }
    Samples {
        templates,
        partners,
    }
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = text.find(open)? + open.len();
    let b = text[a..].find(close)? + a;
    Some(&text[a..b])
}

/// Partner count: most fiches 0–3, some dozens, a few hundreds (~13 a fiche on
/// average, ~400 000 for the full export).
fn partner_count(rng: &mut Rng) -> usize {
    match rng.below(1000) {
        0..=849 => rng.below(4) as usize,
        850..=979 => 4 + rng.below(56) as usize,
        _ => 100 + rng.below(800) as usize,
    }
}

/// Cuts a text value to about `keep` of its length, at a word boundary.
fn shorten(value: &str, keep: f64) -> &str {
    if keep >= 1.0 {
        return value;
    }
    let target = ((value.len() as f64) * keep) as usize;
    let mut cut = target.min(value.len());
    while cut > 0 && !value.is_char_boundary(cut) {
        cut -= 1;
    }
    match value[..cut].rfind(' ') {
        Some(space) if space > 0 => &value[..space],
        _ => &value[..cut],
    }
}

/// Writes one fiche made from template `t`.
fn write_fiche(
    out: &mut impl Write,
    t: &Template,
    partners: &[String],
    index: usize,
    keep: f64,
    rng: &mut Rng,
) -> io::Result<()> {
    let prefix = if t.rs { "RS" } else { "RNCP" };
    let number = format!("{prefix}{}", 10_000 + index);
    let mut body = t.body.replace(&t.number, &number);
    body = body.replacen("</INTITULE>", &format!(" (variante {index})</INTITULE>"), 1);
    // Each text field keeps a random share of its length around `keep`.
    let mut shaped = String::with_capacity(body.len());
    let mut rest = body.as_str();
    'scan: while let Some(open) = rest.find('<') {
        for tag in TEXT_TAGS {
            let open_tag = format!("<{tag}>");
            if rest[open..].starts_with(&open_tag) {
                let close_tag = format!("</{tag}>");
                if let Some(len) = rest[open + open_tag.len()..].find(&close_tag) {
                    let value = &rest[open + open_tag.len()..open + open_tag.len() + len];
                    let jitter = 0.5 + (rng.below(1000) as f64) / 1000.0;
                    shaped.push_str(&rest[..open]);
                    shaped.push_str(&open_tag);
                    shaped.push_str(shorten(value, keep * jitter));
                    shaped.push_str(&close_tag);
                    rest = &rest[open + open_tag.len() + len + close_tag.len()..];
                    continue 'scan;
                }
            }
        }
        shaped.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
    }
    shaped.push_str(rest);
    let count = partner_count(rng);
    if count > 0 && !partners.is_empty() {
        let mut list = String::from("<PARTENAIRES>\n");
        for k in 0..count {
            let p = &partners[rng.below(partners.len() as u64) as usize];
            // Vary the SIRET's last digits so partners are not all alike.
            let siret = between(p, "<SIRET_PARTENAIRE>", "</SIRET_PARTENAIRE>").unwrap_or("");
            let varied = if siret.len() == 14 {
                format!("{}{:05}", &siret[..9], (index * 7 + k) % 100_000)
            } else {
                siret.to_string()
            };
            list.push_str(&p.replacen(siret, &varied, 1));
            list.push('\n');
        }
        list.push_str("</PARTENAIRES>");
        if shaped.contains("<PARTENAIRES/>") {
            shaped = shaped.replacen("<PARTENAIRES/>", &list, 1);
        } else {
            list.push_str("\n</FICHE>");
            shaped = shaped.replacen("</FICHE>", &list, 1);
        }
        shaped = shaped.replacen(
            "<EXISTENCE_PARTENAIRES>Non</EXISTENCE_PARTENAIRES>",
            "<EXISTENCE_PARTENAIRES>Oui</EXISTENCE_PARTENAIRES>",
            1,
        );
    } else {
        shaped = shaped.replacen("<PARTENAIRES/>", "", 1);
    }
    out.write_all(shaped.as_bytes())?;
    out.write_all(b"\n")
}

/// Writes an export of `count` fiches, about `REAL_BYTES_PER_FICHE` each.
pub fn write_export(out: &mut impl Write, count: usize) -> io::Result<u64> {
    let s = samples();
    let rncp: Vec<&Template> = s.templates.iter().filter(|t| !t.rs).collect();
    let rs: Vec<&Template> = s.templates.iter().filter(|t| t.rs).collect();
    let pick = |rng: &mut Rng| -> &Template {
        if rng.below(100) < 16 {
            rs[rng.below(rs.len() as u64) as usize]
        } else {
            rncp[rng.below(rncp.len() as u64) as usize]
        }
    };
    // Calibrate the text share on a sample so the whole export lands near the
    // real size per fiche.
    let probe = 400;
    let mut sink = Counter(0);
    let mut rng = Rng::new(7);
    for i in 0..probe {
        write_fiche(&mut sink, pick(&mut rng), &s.partners, i, 1.0, &mut rng)?;
    }
    let full = sink.0 as f64 / probe as f64;
    let mut sink_half = Counter(0);
    let mut rng = Rng::new(7);
    for i in 0..probe {
        write_fiche(
            &mut sink_half,
            pick(&mut rng),
            &s.partners,
            i,
            0.5,
            &mut rng,
        )?;
    }
    let half = sink_half.0 as f64 / probe as f64;
    // Size is about linear in `keep`: solve for the real bytes per fiche.
    let slope = (full - half) / 0.5;
    let keep = if slope > 0.0 {
        ((REAL_BYTES_PER_FICHE as f64 - (full - slope)) / slope).clamp(0.05, 1.0)
    } else {
        1.0
    };

    let mut out = Counting(out, 0);
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n")?;
    let mut rng = Rng::new(42);
    for i in 0..count {
        write_fiche(&mut out, pick(&mut rng), &s.partners, i, keep, &mut rng)?;
    }
    out.write_all(b"</FICHES>\n")?;
    Ok(out.1)
}

struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct Counting<'a, W: Write>(&'a mut W, u64);

impl<W: Write> Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.0.write(buf)?;
        self.1 += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Writes `dir/export-N.xml` and `dir/export-N.zip` (the XML deflated in one
/// entry named like the real one) unless they exist; returns their paths.
pub fn ensure(dir: &Path, count: usize) -> io::Result<(std::path::PathBuf, std::path::PathBuf)> {
    std::fs::create_dir_all(dir)?;
    let xml = dir.join(format!("export-{count}.xml"));
    let zip = dir.join(format!("export-{count}.zip"));
    if !xml.exists() {
        let temp = xml.with_extension("xml.tmp");
        let mut out = io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&temp)?);
        write_export(&mut out, count)?;
        out.flush()?;
        drop(out);
        std::fs::rename(&temp, &xml)?;
    }
    if !zip.exists() {
        let temp = zip.with_extension("zip.tmp");
        let file = std::fs::File::create(&temp)?;
        let mut writer = zip::ZipWriter::new(io::BufWriter::with_capacity(1 << 20, file));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        writer
            .start_file("export_fiches_RNCP_V4_1_2026-08-16.xml", options)
            .map_err(io::Error::other)?;
        let mut input = std::fs::File::open(&xml)?;
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = input.read(&mut buf)?;
            if n == 0 {
                break;
            }
            writer.write_all(&buf[..n])?;
        }
        writer.finish().map_err(io::Error::other)?.flush()?;
        std::fs::rename(&temp, &zip)?;
    }
    Ok((xml, zip))
}

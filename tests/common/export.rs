//! A generated export of many fiches, written to a temp folder: one small
//! fiche of the real sample repeated and renumbered (RNCP100000…).

use std::path::{Path, PathBuf};

const SAMPLE: &str = include_str!("../fixtures/registry/export-rncp-sample.xml");
/// The sample's smallest fiche (12 KB): thousands stay quick to write.
const SMALL: &str = "<NUMERO_FICHE>RNCP37488</NUMERO_FICHE>";

/// Writes `dir/export.xml` holding `count` fiches; returns its path.
pub fn write(dir: &Path, count: usize) -> PathBuf {
    let at = SAMPLE.find(SMALL).expect("the small fiche");
    let start = SAMPLE[..at].rfind("<FICHE>").expect("its start");
    let end = at + SAMPLE[at..].find("</FICHE>").expect("its end") + "</FICHE>".len();
    let fiche = &SAMPLE[start..end];
    let head = &SAMPLE[..SAMPLE.find("<FICHE>").expect("a first fiche")];
    let mut out = String::with_capacity(head.len() + count * (fiche.len() + 1) + 16);
    out.push_str(head);
    for i in 0..count {
        let numero = format!("<NUMERO_FICHE>RNCP{}</NUMERO_FICHE>", 100_000 + i);
        out.push_str(&fiche.replacen(SMALL, &numero, 1));
        out.push('\n');
    }
    out.push_str("</FICHES>\n");
    std::fs::create_dir_all(dir).expect("the export's folder");
    let path = dir.join("export.xml");
    std::fs::write(&path, out).expect("the export written");
    path
}

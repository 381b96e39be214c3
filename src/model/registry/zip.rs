//! The export's zip: the XML entry is inflated as a stream into the reader,
//! never written to disk, and its inflated size is capped.

use std::io::{Read, Seek};

use crate::model::LoadError;

use super::stream::{Streamed, located_error, read_xml};

/// Reads the export XML inside the zip `reader` (named `name` in messages).
pub(crate) fn read_zip(
    reader: impl Read + Seek,
    name: &str,
    limit: u64,
    chunk: usize,
) -> Result<Streamed, LoadError> {
    let plain = |message: String| located_error(name, None, message);
    let mut archive =
        zip::ZipArchive::new(reader).map_err(|e| plain(format!("archive zip illisible : {e}")))?;
    let pick = pick_entry(&archive).map_err(|entries| {
        let listed = if entries.is_empty() {
            "aucune entrée".to_string()
        } else {
            let mut shown: Vec<&str> = entries.iter().map(String::as_str).take(5).collect();
            if entries.len() > 5 {
                shown.push("…");
            }
            shown.join(", ")
        };
        plain(format!("archive zip sans fichier XML d'export ({listed})"))
    })?;
    let entry = archive
        .by_name(&pick)
        .map_err(|e| plain(format!("entrée « {pick} » illisible : {e}")))?;
    // The declared size may lie: `read_xml` counts the bytes actually inflated too.
    if entry.size() > limit {
        return Err(plain(format!(
            "« {pick} » se décompresse en {} octets, plus que la limite de {limit} (une archive piégée ?)",
            entry.size()
        )));
    }
    let inner = format!("{name} › {pick}");
    read_xml(entry, &inner, limit, chunk)
}

/// The export's XML entry: the real download holds one `export_fiches_*.xml`,
/// preferred by name; else the entries found.
pub(crate) fn pick_entry<R: Read + Seek>(
    archive: &zip::ZipArchive<R>,
) -> Result<String, Vec<String>> {
    let entries: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    entries
        .iter()
        .filter(|n| n.to_ascii_lowercase().ends_with(".xml"))
        .min_by_key(|n| (!n.to_ascii_lowercase().contains("export"), n.len()))
        .cloned()
        .ok_or(entries)
}

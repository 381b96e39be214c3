//! The catalogue of a run, from the files the user names: RON fiches and
//! France Compétences' exports (`.xml` or `.zip`), told apart by content.
//!
//! How sources merge (`docs/registry.md`):
//! - every fiche of every export is one entry; a number in two exports is a
//!   located error (two exports of the same répertoire);
//! - a RON fiche whose number an export lists is the same entry: the
//!   registry's fields (intitulé, certifiers, levels, codes, access routes,
//!   legal base, the whole `Record`) come from the export, the curriculum
//!   (parcours, semesters, UEs, ECTS) and what the export does not carry
//!   (signatories, related certifications, agreements, the "more info"
//!   lists) from the RON fiche;
//! - the embedded RNCP 24759 joins an export that lists it the same way, so
//!   a user of the full export still finds the Master's parcours;
//! - two RON files with one number are a located error, as before.
//!
//! A reopened export's fiches come from its cache in brief, their bodies
//! decoded on first use and meanwhile on background threads, started here.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::load::{parse_str, read_text};
use super::position::locate;
use super::progress::Phase;
use super::registry::{self, Fiches, Format, Warning};
use super::{Catalogue, Duplicate, EMBEDDED_NAME, Fiche, LoadError, embedded};

/// What the sources gave: the catalogue, and what was skipped or repaired.
#[derive(Debug, Clone)]
pub struct Sources {
    pub catalogue: Catalogue,
    pub warnings: Vec<Warning>,
}

/// Loads `paths` into one catalogue (the embedded fiche alone when empty).
pub fn load_sources(paths: &[PathBuf], options: &registry::Options) -> Result<Sources, LoadError> {
    if paths.is_empty() {
        return Ok(Sources {
            catalogue: Catalogue::single(embedded(), EMBEDDED_NAME),
            warnings: Vec::new(),
        });
    }
    let mut catalogue = Catalogue::new();
    let mut warnings = Vec::new();
    let mut rons: Vec<(String, String, Fiche)> = Vec::new();
    let mut exports = 0;
    for path in paths {
        let name = path.display().to_string();
        match format_of(path) {
            Format::Xml | Format::Zip => {
                let opened = registry::open(path, options)?;
                exports += 1;
                if let Some(progress) = &options.progress {
                    progress.set_phase(Phase::Structuring);
                }
                warnings.extend(opened.warnings);
                let twice = |dup: Duplicate| LoadError {
                    source_name: name.clone(),
                    position: None,
                    message: format!(
                        "{} est déjà dans {} : deux exports du même répertoire ?",
                        dup.numero, dup.existing_source
                    ),
                };
                match opened.fiches {
                    Fiches::Whole(fiches) => {
                        for fiche in fiches {
                            catalogue.add(fiche, &name).map_err(twice)?;
                        }
                    }
                    Fiches::Deferred { summaries, bodies } => {
                        catalogue
                            .add_deferred(summaries, &bodies, &name)
                            .map_err(twice)?;
                    }
                }
            }
            Format::Ron => {
                let text = read_text(path)?;
                let fiche = parse_str(&text, &name)?;
                rons.push((name, text, fiche));
            }
        }
    }
    let from_exports = catalogue.len();
    let mut ron_numbers = Vec::new();
    for (name, text, fiche) in rons {
        let numero = fiche.numero();
        if ron_numbers.contains(&numero) {
            let first = catalogue
                .find(&numero)
                .map(|id| catalogue.source(id).to_string())
                .unwrap_or_default();
            return Err(LoadError {
                source_name: name,
                position: locate(&text, "rncp_code", 0),
                message: format!(
                    "{numero} est déjà dans {first} : une fiche ne peut être chargée qu'une fois"
                ),
            });
        }
        ron_numbers.push(numero.clone());
        match catalogue.find(&numero) {
            Some(id) => catalogue.update(id, |record| take_curriculum(record, fiche)),
            None => {
                catalogue
                    .add(fiche, &name)
                    .expect("a number seen neither in an export nor in a RON file");
            }
        }
    }
    // The embedded Master joins an export that lists it (unless a RON file
    // gave its curriculum already).
    let embedded_fiche = embedded();
    let numero = embedded_fiche.numero();
    if from_exports > 0
        && !ron_numbers.contains(&numero)
        && let Some(id) = catalogue.find(&numero)
    {
        catalogue.update(id, |record| take_curriculum(record, embedded_fiche));
    }
    if let Some(progress) = &options.progress {
        if progress.is_cancelled() {
            return Err(registry::cancelled(&paths[0].display().to_string()));
        }
        // `Done` only after an export: it tells the caller one was read.
        if exports > 0 {
            progress.set_phase(Phase::Done);
        }
    }
    // The bodies still in a cache are decoded while the caller goes on
    // (the first screen needs only the summaries).
    catalogue.decode_in_background();
    Ok(Sources {
        catalogue,
        warnings,
    })
}

/// The export's fiche `registry` takes the curriculum of `curriculum` (a RON
/// fiche of the same number) and what only the RON fiche says.
fn take_curriculum(registry: &mut Fiche, curriculum: Fiche) {
    registry.parcours = curriculum.parcours;
    registry.common_semesters = curriculum.common_semesters;
    if registry.authority.signatories.is_empty() {
        registry.authority.signatories = curriculum.authority.signatories;
    }
    if registry.levels.nomenclature_1969.is_none() {
        registry.levels.nomenclature_1969 = curriculum.levels.nomenclature_1969;
    }
    if registry.validity.is_none() {
        registry.validity = curriculum.validity;
    }
    if registry.related_certifications.is_empty() {
        registry.related_certifications = curriculum.related_certifications;
    }
    if registry.international_agreements.is_empty() {
        registry.international_agreements = curriculum.international_agreements;
    }
    let (info, theirs) = (&mut registry.more_info, curriculum.more_info);
    for (ours, theirs) in [
        (&mut info.statistics, theirs.statistics),
        (&mut info.other_sources, theirs.other_sources),
        (&mut info.certification_places, theirs.certification_places),
        (&mut info.preparation_places, theirs.preparation_places),
    ] {
        if ours.is_empty() {
            *ours = theirs;
        }
    }
}

/// RON unless the first bytes say export; an unreadable file is left to
/// the RON reader, whose message says why.
fn format_of(path: &Path) -> Format {
    let mut head = [0u8; 64];
    let Ok(metadata) = std::fs::metadata(path) else {
        return Format::Ron;
    };
    if !metadata.is_file() {
        return Format::Ron;
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return Format::Ron;
    };
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    registry::detect(&head[..n])
}

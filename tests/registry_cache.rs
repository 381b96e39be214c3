//! Reopening an export through its cache: the catalogue comes from the index
//! frame at once, each fiche's body is decoded when first used, and every
//! field equals a cold read; a body frame damaged on disk is caught before
//! use, the fiche read again from the export and the cache rebuilt on the
//! next start; a stale or older-format cache is ignored. Real samples only.

use std::path::{Path, PathBuf};

use rncp_explorer::model::registry::{self, Fiches, Opened, Options, UNREADABLE};
use rncp_explorer::model::{self, Catalogue, FicheId, FicheSummary};

const RNCP_XML: &str = "tests/fixtures/registry/export-rncp-sample.xml";
const RS_XML: &str = "tests/fixtures/registry/export-rs-sample.xml";
const RNCP_ZIP: &str = "tests/fixtures/registry/export-fiches-rncp-v4-1-sample.zip";

/// A scratch folder under `target/` (tests never write outside the repo).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("registry-cache-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `sample` copied into a scratch folder, and options caching beside it.
fn setup(name: &str, sample: &str) -> (PathBuf, Options) {
    let dir = scratch(name);
    let export = dir.join(Path::new(sample).file_name().unwrap());
    std::fs::copy(sample, &export).unwrap();
    let options = Options {
        cache: true,
        cache_dir: Some(dir.join("cache")),
        ..Options::default()
    };
    (export, options)
}

fn cold(path: &Path) -> registry::Loaded {
    let options = Options {
        cache: false,
        ..Options::default()
    };
    registry::read(path, &options).unwrap()
}

fn cache_file(options: &Options) -> PathBuf {
    let dir = options.cache_dir.as_ref().unwrap();
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    assert_eq!(files.len(), 1, "one cache file: {files:?}");
    files.into_iter().next().unwrap()
}

fn deferred(opened: Opened) -> (Vec<FicheSummary>, std::sync::Arc<registry::Bodies>) {
    assert!(opened.from_cache);
    match opened.fiches {
        Fiches::Deferred { summaries, bodies } => (summaries, bodies),
        Fiches::Whole(_) => panic!("a reopened export keeps its bodies in the cache"),
    }
}

#[test]
fn a_reopened_export_has_its_summaries_at_once_and_each_body_on_first_use() {
    for sample in [RNCP_XML, RS_XML, RNCP_ZIP] {
        let (export, options) = setup("lazy", sample);
        let first = registry::open(&export, &options).unwrap();
        assert!(!first.from_cache, "{sample}");
        let whole = first.into_loaded();
        let cold = cold(&export);
        assert_eq!(whole.fiches, cold.fiches, "{sample}");

        let reopened = registry::open(&export, &options).unwrap();
        assert_eq!(reopened.warnings, cold.warnings, "{sample}");
        assert_eq!(reopened.version, cold.version, "{sample}");
        let (summaries, bodies) = deferred(reopened);
        let expected: Vec<FicheSummary> = cold.fiches.iter().map(FicheSummary::of).collect();
        assert_eq!(summaries, expected, "{sample}: the index frame");
        assert_eq!(bodies.decoded(), 0, "{sample}: nothing decoded before use");
        let last = summaries.len() - 1;
        assert_eq!(bodies.get(last, &summaries[last]), &cold.fiches[last]);
        assert_eq!(bodies.decoded(), 1, "{sample}: that body alone");
        for (i, fiche) in cold.fiches.iter().enumerate() {
            assert_eq!(bodies.get(i, &summaries[i]), fiche, "{sample}: fiche {i}");
        }
        assert!(!bodies.is_damaged());
    }
}

#[test]
fn the_catalogue_from_the_cache_equals_the_one_from_the_export() {
    let (export, options) = setup("catalogue", RNCP_ZIP);
    let paths = [export.clone()];
    let first = model::load_sources(&paths, &options).unwrap().catalogue;
    let again = model::load_sources(&paths, &options).unwrap();
    let catalogue: Catalogue = again.catalogue;
    assert_eq!(catalogue.len(), first.len());
    assert_eq!(catalogue.summaries(), first.summaries());
    // The embedded Master is not in this sample; every fiche is as read.
    for id in catalogue.ids() {
        assert_eq!(catalogue.get(id), first.get(id), "{id:?}");
        assert_eq!(catalogue.source(id), first.source(id));
    }
    catalogue.decode_all();
    assert!(catalogue.ids().all(|id| catalogue.is_decoded(id)));
    // Clones share the decoded bodies and stay usable from other threads.
    let shared = std::sync::Arc::new(catalogue.clone());
    let worker = {
        let shared = std::sync::Arc::clone(&shared);
        std::thread::spawn(move || shared.get(FicheId::FIRST).intitule.clone())
    };
    assert_eq!(worker.join().unwrap(), first.get(FicheId::FIRST).intitule);
}

/// Flips a byte in the middle of the cache file, where the bodies are (the
/// index frame of a few fiches is a small part at its head).
fn damage_a_body(cache: &Path) -> usize {
    let mut bytes = std::fs::read(cache).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x5A;
    // Rewritten in place: an open cache file sees the damage too.
    std::fs::write(cache, &bytes).unwrap();
    at
}

#[test]
fn a_damaged_body_is_caught_read_again_from_the_export_and_the_cache_rebuilt() {
    for sample in [RNCP_XML, RNCP_ZIP] {
        let (export, options) = setup("damaged", sample);
        registry::open(&export, &options).unwrap();
        let cache = cache_file(&options);
        damage_a_body(&cache);
        let cold = cold(&export);

        // The header and the index still check out: the catalogue opens at once.
        let (summaries, bodies) = deferred(registry::open(&export, &options).unwrap());
        for (i, fiche) in cold.fiches.iter().enumerate() {
            assert_eq!(
                bodies.get(i, &summaries[i]),
                fiche,
                "{sample}: fiche {i}, read again where its frame was bad"
            );
        }
        assert!(bodies.is_damaged(), "{sample}: the bad frame was seen");
        assert!(!cache.exists(), "{sample}: a damaged cache is removed");
        drop(bodies);

        // The next start reads the export and writes the cache anew.
        let next = registry::open(&export, &options).unwrap();
        assert!(!next.from_cache, "{sample}");
        assert_eq!(next.into_loaded().fiches, cold.fiches);
        let (_, bodies) = deferred(registry::open(&export, &options).unwrap());
        assert!(!bodies.is_damaged());
    }
}

#[test]
fn the_background_decoder_finds_a_damaged_body_too() {
    let (export, options) = setup("background", RNCP_XML);
    let paths = [export.clone()];
    let first = model::load_sources(&paths, &options).unwrap().catalogue;
    let cache = cache_file(&options);
    // `load_sources` starts the background decoder itself.
    let catalogue = {
        let bytes = std::fs::read(&cache).unwrap();
        let mut bad = bytes.clone();
        let at = bad.len() / 3;
        bad[at] ^= 0xFF;
        std::fs::write(&cache, &bad).unwrap();
        model::load_sources(&paths, &options).unwrap().catalogue
    };
    catalogue.decode_all();
    for id in catalogue.ids() {
        assert_eq!(catalogue.get(id), first.get(id));
    }
    assert!(!cache.exists(), "removed: rebuilt on the next start");
}

#[test]
fn a_damaged_body_of_an_export_changed_since_says_it_is_unreadable() {
    let (export, options) = setup("unreadable", RNCP_XML);
    let cold = cold(&export);
    registry::open(&export, &options).unwrap();
    let cache = cache_file(&options);
    let (summaries, bodies) = deferred(registry::open(&export, &options).unwrap());
    // After the start: the export is rewritten in place and the cache damaged.
    let text = std::fs::read_to_string(&export).unwrap();
    std::fs::write(&export, text.replace("<INTITULE>", "<INTITULE>Autre ")).unwrap();
    let mut bytes = std::fs::read(&cache).unwrap();
    let n = bytes.len();
    for b in &mut bytes[n / 10..n * 9 / 10] {
        *b ^= 0x33;
    }
    std::fs::write(&cache, &bytes).unwrap();

    let mut unreadable = 0;
    for (i, fiche) in cold.fiches.iter().enumerate() {
        let got = bodies.get(i, &summaries[i]);
        assert_eq!(got.numero(), fiche.numero(), "the number is never another");
        if got.intitule.starts_with(&format!("[{UNREADABLE}]")) {
            unreadable += 1;
            assert!(got.intitule.ends_with(&fiche.intitule), "{}", got.intitule);
            let record = got.registry.as_deref().unwrap();
            assert!(
                record.blocs.is_empty() && record.partners.is_empty(),
                "nothing made up"
            );
            assert_eq!(record.active, summaries[i].active);
        } else {
            assert_eq!(got, fiche, "a body that checked out is the export's");
        }
    }
    assert!(unreadable > 0, "the damage reached some bodies");
    assert!(bodies.is_damaged());
}

#[test]
fn an_older_format_or_a_stale_cache_is_ignored_and_rewritten() {
    let (export, options) = setup("stale", RS_XML);
    registry::open(&export, &options).unwrap();
    let cache = cache_file(&options);
    assert!(registry::open(&export, &options).unwrap().from_cache);
    // The cache of an older reader (format 2) is never read.
    let mut bytes = std::fs::read(&cache).unwrap();
    bytes[8..12].copy_from_slice(&2u32.to_le_bytes());
    std::fs::write(&cache, &bytes).unwrap();
    let again = registry::open(&export, &options).unwrap();
    assert!(!again.from_cache, "older format ignored");
    assert!(
        registry::open(&export, &options).unwrap().from_cache,
        "rewritten"
    );
    // The export changes: the cache of the old one is stale.
    std::fs::copy(RNCP_XML, &export).unwrap();
    let changed = registry::open(&export, &options).unwrap();
    assert!(!changed.from_cache);
    assert_eq!(changed.into_loaded().fiches, cold(&export).fiches);
}

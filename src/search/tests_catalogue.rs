//! The search over a catalogue of several fiches: the real export samples
//! (8 RNCP and 5 RS fiches) and the embedded RNCP 24759.

use std::path::PathBuf;
use std::sync::OnceLock;

use super::*;
use crate::model::facets::Facets;
use crate::model::{self, Catalogue, registry};

/// The samples and the embedded fiche, loaded once for all tests.
pub(crate) fn samples() -> &'static (Catalogue, SearchIndex) {
    static SAMPLES: OnceLock<(Catalogue, SearchIndex)> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry");
        let paths = [
            dir.join("export-rncp-sample.xml"),
            dir.join("export-rs-sample.xml"),
        ];
        let options = registry::Options {
            cache: false,
            ..Default::default()
        };
        let mut catalogue = model::load_sources(&paths, &options)
            .expect("the samples load")
            .catalogue;
        catalogue
            .add(model::embedded(), "embedded")
            .expect("the samples do not list RNCP 24759");
        let index = SearchIndex::build(&catalogue);
        (catalogue, index)
    })
}

/// Every fiche, inactive ones too.
pub(crate) fn all() -> Facets {
    Facets {
        include_inactive: true,
        ..Facets::default()
    }
}

/// The numbers of the certifications `text` finds, best first.
pub(crate) fn numbers(text: &str, facets: Facets, limit: usize) -> Vec<String> {
    let (catalogue, index) = samples();
    let query = Query::new(text, Filter::All)
        .with_mode(Mode::Certifications)
        .with_facets(facets)
        .with_limit(limit);
    index
        .search(&query)
        .certifications
        .iter()
        .map(|c| catalogue.summary(c.fiche).numero.to_string())
        .collect()
}

#[test]
fn certifications_are_one_row_per_fiche_with_their_best_item() {
    let (catalogue, index) = samples();
    let query = Query::new("concepteur developpeur", Filter::All)
        .with_mode(Mode::Certifications)
        .with_facets(all());
    let results = index.search(&query);
    assert!(results.hits.is_empty(), "items only in item mode");
    let mut fiches: Vec<_> = results.certifications.iter().map(|c| c.fiche).collect();
    fiches.dedup();
    assert_eq!(fiches.len(), results.certifications.len());
    assert_eq!(results.fiche_total, results.certifications.len());
    let best = &results.certifications[0];
    let entry = index.entry(best.best);
    assert_eq!(entry.fiche, best.fiche);
    assert_eq!(entry.kind, Kind::Title);
    assert_eq!(
        catalogue.summary(best.fiche).intitule,
        "Concepteur développeur d'applications"
    );
    assert!(!index.highlight(best.best, &query).is_empty());
}

/// The item shown under a certification holds the most query words: for
/// "gestion patrimoine informatique", RNCP35340's competence "Gérer le
/// patrimoine informatique", not its weightier intitulé, which holds
/// "informatiques" only.
#[test]
fn the_best_item_holds_the_most_words() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/registry/export-rncp-bts-sio-sample.xml");
    let options = registry::Options {
        cache: false,
        ..Default::default()
    };
    let catalogue = model::load_sources(&[path], &options)
        .expect("the sample loads")
        .catalogue;
    let index = SearchIndex::build(&catalogue);
    let query = Query::new("gestion patrimoine informatique", Filter::All)
        .with_mode(Mode::Certifications)
        .with_facets(all());
    let results = index.search(&query);
    let old = results
        .certifications
        .iter()
        .find(|c| catalogue.summary(c.fiche).numero.to_string() == "RNCP35340")
        .expect("RNCP35340 answers");
    let entry = index.entry(old.best);
    assert_eq!(
        (entry.kind, entry.text.as_str()),
        (Kind::Competence, "Gérer le patrimoine informatique")
    );
}

#[test]
fn a_number_goes_straight_to_its_fiche() {
    for form in ["37674", "RNCP37674", "rncp 37674"] {
        assert_eq!(
            numbers(form, all(), 3).first().map(String::as_str),
            Some("RNCP37674"),
            "{form}"
        );
    }
    assert_eq!(numbers("RS5000", all(), 3), ["RS5000"]);
    assert_eq!(numbers("24759", all(), 3), ["RNCP24759"]);
    assert!(numbers("99999", all(), 3).is_empty());
}

#[test]
fn a_rome_code_gives_the_fiches_carrying_it() {
    let mut found = numbers("M1805", all(), 10);
    found.sort();
    assert_eq!(found, ["RNCP35419", "RNCP36490", "RNCP37674", "RNCP37873"]);
    // Inactive fiches (RNCP35419) are left out by default.
    let mut active = numbers("m1805", Facets::default(), 10);
    active.sort();
    assert_eq!(active, ["RNCP36490", "RNCP37674", "RNCP37873"]);
}

#[test]
fn facets_narrow_and_count_with_the_others_applied() {
    let (_, index) = samples();
    let query = Query::new("developpement", Filter::All)
        .with_mode(Mode::Certifications)
        .with_facets(Facets {
            level: Some(6),
            ..all()
        });
    let results = index.search(&query);
    assert!(results.fiche_total >= 1);
    assert!(
        results
            .certifications
            .iter()
            .all(|c| index.summary(c.fiche).level == Some(6))
    );
    // The level facet's counts ignore the level chosen.
    assert!(results.counts.of_level(Some(7)) >= 1);
    assert_eq!(results.counts.total, results.fiche_total);
}

#[test]
fn items_mode_keeps_items_and_applies_facets() {
    let (_, index) = samples();
    let base = Query::new("developpeur", Filter::All).with_limit(500);
    let active = index.search(&base);
    let every = index.search(&base.clone().with_facets(all()));
    assert!(active.certifications.is_empty());
    assert!(
        every.total > active.total,
        "inactive fiches' items come back"
    );
    assert!(
        active
            .hits
            .iter()
            .all(|h| index.summary(index.entry(h.id).fiche).active != Some(false))
    );
}

#[test]
fn facet_counts_are_the_models_over_the_fiches_answering() {
    use crate::model::Repertoire;
    use crate::model::facets::{FacetCounts, FacetFilter};
    let (catalogue, index) = samples();
    let choices = [
        Facets::default(),
        all(),
        Facets {
            level: Some(7),
            ..Facets::default()
        },
        Facets {
            repertoire: Some(Repertoire::Rs),
            ..all()
        },
        Facets {
            certifier: Some("ministere".into()),
            ..Facets::default()
        },
        Facets {
            nsf: Some("32".into()),
            rome: Some("M18".into()),
            ..all()
        },
    ];
    for text in [
        "developpement",
        "a",
        "m1805",
        "",
        "informatique systemes",
        "zzz",
    ] {
        // The fiches answering the text, whatever the facets.
        let answering: Vec<_> = if text.is_empty() {
            catalogue.ids().collect()
        } else {
            let q = Query::new(text, Filter::All)
                .with_mode(Mode::Certifications)
                .with_facets(all());
            index
                .search(&q)
                .certifications
                .iter()
                .map(|c| c.fiche)
                .collect()
        };
        let mut answering = answering;
        answering.sort();
        for facets in &choices {
            let q = Query::new(text, Filter::All)
                .with_mode(Mode::Certifications)
                .with_facets(facets.clone());
            let expected = FacetCounts::compute(
                &FacetFilter::new(facets),
                answering.iter().map(|&f| catalogue.summary(f)),
            );
            assert_eq!(index.search(&q).counts, expected, "{text:?} {facets:?}");
        }
    }
}

/// One edit of the search as a user makes it.
#[derive(Debug, Clone)]
enum Edit {
    Type(char),
    Backspace,
    Mode,
    Inactive,
    Filter(usize),
}

fn edit() -> impl proptest::strategy::Strategy<Value = Edit> {
    use proptest::prelude::*;
    prop_oneof![
        6 => proptest::sample::select(" aeinorstdvlpcbmwé'1".chars().collect::<Vec<_>>())
            .prop_map(Edit::Type),
        2 => Just(Edit::Backspace),
        1 => Just(Edit::Mode),
        1 => Just(Edit::Inactive),
        1 => (0..4usize).prop_map(Edit::Filter),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// Whatever the edits, the session answers like a fresh search.
    #[test]
    fn the_session_answers_like_a_fresh_search(edits in proptest::collection::vec(edit(), 1..24)) {
        let (_, index) = samples();
        let mut session = Session::new();
        let (mut text, mut mode, mut facets, mut filter) =
            (String::new(), Mode::Certifications, Facets::default(), Filter::All);
        let filters = [Filter::All, Filter::Only(Kind::Job), Filter::Only(Kind::Title), Filter::Only(Kind::Competence)];
        for edit in edits {
            match edit {
                Edit::Type(c) => text.push(c),
                Edit::Backspace => {
                    text.pop();
                }
                Edit::Mode => {
                    mode = match mode {
                        Mode::Items => Mode::Certifications,
                        Mode::Certifications => Mode::Items,
                    }
                }
                Edit::Inactive => facets.include_inactive = !facets.include_inactive,
                Edit::Filter(i) => filter = filters[i],
            }
            let query = Query::new(&text, filter)
                .with_mode(mode)
                .with_facets(facets.clone())
                .with_limit(10);
            proptest::prop_assert_eq!(session.search(index, &query), index.search(&query), "{:?}", text);
        }
    }
}

#[test]
fn a_session_that_forgets_words_still_answers_right() {
    let (_, index) = samples();
    let mut session = Session::new();
    let words: Vec<String> = [
        "dev", "web", "amiante", "lumiere", "chef", "securite", "anglais",
    ]
    .iter()
    .cycle()
    .take(40)
    .enumerate()
    .map(|(i, w)| format!("{w} {}", &"abcdefghijklmnopqrstuvwxyz"[i % 26..i % 26 + 1]))
    .collect();
    for text in &words {
        let query = Query::new(text, Filter::All)
            .with_mode(Mode::Certifications)
            .with_facets(all());
        assert_eq!(
            session.search(index, &query),
            index.search(&query),
            "{text}"
        );
    }
}

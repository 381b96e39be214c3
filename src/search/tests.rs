//! Search behaviour on the real fiche (RNCP 24759) and on small made-up ones.

use super::*;
use crate::model::normalize::fold_str;
use crate::model::{self, Fiche, FicheId, ParcoursRef};

fn real() -> (Fiche, SearchIndex) {
    let fiche = model::embedded();
    let index = SearchIndex::of_fiche(&fiche);
    (fiche, index)
}

/// (text, kind, parcours ids) of one entry.
type Row = (String, Kind, Vec<String>);

fn row(fiche: &Fiche, entry: &Entry) -> Row {
    let ids = entry
        .parcours
        .iter()
        .map(|p| fiche.parcours[p.parcours].id.clone())
        .collect();
    (entry.text.clone(), entry.kind, ids)
}

/// The `n` best hits of `query` (no kind filter).
fn top(fiche: &Fiche, index: &SearchIndex, query: &str, n: usize) -> Vec<Row> {
    let query = Query::new(query, Filter::All).with_limit(n);
    let results = index.search(&query);
    assert!(results.hits.len() <= n);
    results
        .hits
        .iter()
        .map(|h| row(fiche, &index.entry(h.id)))
        .collect()
}

/// The one entry of `kind` whose text is `text`.
fn find(index: &SearchIndex, kind: Kind, text: &str) -> Entry {
    let mut found: Vec<Entry> = index
        .entries()
        .filter(|e| e.kind == kind && e.text == text)
        .collect();
    assert_eq!(found.len(), 1, "{kind:?} {text:?}: {found:?}");
    found.remove(0)
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn issue_queries_find_their_item_in_the_top_three_with_its_parcours() {
    let (fiche, index) = real();
    let cases: [(&str, &str, Kind, &[&str]); 7] = [
        (
            "ingenieur",
            "ingénieur de projets européens",
            Kind::Job,
            &["europe"],
        ),
        (
            "elu",
            "Elus et communication publique",
            Kind::Course,
            &["communication"],
        ),
        ("lobiste", "lobbyiste", Kind::Job, &["europe"]),
        (
            "chef cabinet",
            "Directeur ou chef de cabinet d’élu",
            Kind::Job,
            &["communication"],
        ),
        (
            "cabinet chef",
            "Directeur ou chef de cabinet d’élu",
            Kind::Job,
            &["communication"],
        ),
        (
            "oeuvre",
            "Conception et mise en œuvre des outils en matière de gestion des ressources humaines",
            Kind::Activity,
            &["collectivites"],
        ),
        (
            "oeuvre",
            "Analyser les logiques institutionnelles à l’œuvre dans la mise en œuvre d’un projet public local",
            Kind::Competence,
            &["urbain"],
        ),
    ];
    for (query, text, kind, parcours) in cases {
        let expected = (text.to_string(), kind, ids(parcours));
        let best = top(&fiche, &index, query, 3);
        assert!(best.contains(&expected), "{query:?} → {best:#?}");
    }
}

#[test]
fn elu_ranks_items_about_elus_above_scattered_matches() {
    // "élaborer une…" contains e…l…u too; the words "élu"/"élus" must come first.
    let (fiche, index) = real();
    for (text, _, _) in top(&fiche, &index, "elu", 5) {
        let folded = fold_str(&text);
        let word_start = folded
            .match_indices("elu")
            .any(|(at, _)| at == 0 || !folded.as_bytes()[at - 1].is_ascii_alphanumeric());
        assert!(word_start, "{text}");
    }
}

#[test]
fn elu_lists_the_jobs_of_elus_before_activities_about_them() {
    // "d'élu" (after an elision) and "un élu" (after a space) are the same
    // word to a reader: the kind tie-break must decide, jobs first.
    let (fiche, index) = real();
    let ranked = top(&fiche, &index, "elu", 50);
    let position = |kind: Kind| {
        ranked
            .iter()
            .position(|(_, k, _)| *k == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {ranked:#?}"))
    };
    let first_activity = position(Kind::Activity);
    let about_elus = |text: &str| {
        let folded = fold_str(text);
        folded
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "elu" || w == "elus")
    };
    let jobs: Vec<usize> = (0..ranked.len())
        .filter(|&i| ranked[i].1 == Kind::Job && about_elus(&ranked[i].0))
        .collect();
    assert!(jobs.len() >= 5, "{ranked:#?}");
    assert!(
        jobs.iter().all(|&i| i < first_activity),
        "jobs at {jobs:?}, first activity at {first_activity}: {ranked:#?}"
    );
    assert!(ranked[1].0.contains("d’élu"), "{ranked:#?}");
}

#[test]
fn word_order_does_not_matter_and_scores_add() {
    let (_, index) = real();
    let a = index.search(&Query::new("chef cabinet", Filter::All));
    let b = index.search(&Query::new("cabinet chef", Filter::All));
    assert_eq!(a, b);
    let chef = index.search(&Query::new("chef", Filter::All));
    let best = a.hits[0];
    let alone = chef.hits.iter().find(|h| h.id == best.id).unwrap();
    assert!(best.score > alone.score);
}

#[test]
fn every_word_must_match() {
    let (fiche, index) = real();
    assert!(top(&fiche, &index, "lobbyiste zzz", 10).is_empty());
    assert!(top(&fiche, &index, "chef xylophone", 10).is_empty());
}

#[test]
fn same_job_in_two_parcours_is_one_result_listing_both() {
    let (fiche, index) = real();
    let best = top(&fiche, &index, "charge d'etudes", 1);
    assert_eq!(
        best,
        [(
            "Chargé d’études".to_string(),
            Kind::Job,
            ids(&["urbain", "recherche"])
        )]
    );
    let entry = find(&index, Kind::Job, "Chargé d’études");
    // Each place points at the item in its parcours' job list.
    for place in &entry.places {
        let Location::Item { index } = place.at else {
            panic!("{place:?}")
        };
        assert_eq!(
            fiche.parcours[place.parcours.parcours].jobs[index],
            "Chargé d’études"
        );
    }
}

#[test]
fn ue_7_courses_belong_to_all_six_parcours_with_their_ue() {
    let (fiche, index) = real();
    let all: Vec<usize> = (0..fiche.parcours.len()).collect();
    assert_eq!(all.len(), 6);
    for title in [
        "Projets collectifs",
        "Théorie et pratique de la négociation",
    ] {
        let entry = find(&index, Kind::Course, title);
        let refs: Vec<ParcoursRef> = all
            .iter()
            .map(|&p| ParcoursRef::new(FicheId::FIRST, p))
            .collect();
        assert_eq!(entry.parcours, refs, "{title}");
        // In each parcours the first place is UE 7, semester 3 (recherche
        // also has "Projet collectif" in UE 11: the same title, grouped).
        for p_index in all.iter().copied() {
            let place = entry
                .place_in(ParcoursRef::new(FicheId::FIRST, p_index))
                .unwrap();
            let Location::Course { ue, course, .. } = &place.at else {
                panic!("{place:?}")
            };
            assert_eq!(
                (ue.code.as_str(), ue.semester, ue.common),
                ("UE 7", 3, false)
            );
            let p = &fiche.parcours[p_index];
            let found = &p.semesters[ue.semester_index].ues[ue.ue_index];
            assert_eq!(found.code, "UE 7");
            assert_eq!(found.courses[*course].titles()[0], title);
        }
    }
    let hit = top(&fiche, &index, "projets collectifs", 1);
    assert_eq!(hit[0].0, "Projets collectifs");
    assert_eq!(hit[0].2.len(), 6);
}

#[test]
fn common_core_courses_belong_to_every_parcours() {
    let (fiche, index) = real();
    let entry = find(&index, Kind::Course, "Sociologie politique approfondie");
    assert_eq!(entry.parcours.len(), fiche.parcours.len());
    for place in &entry.places {
        let Location::Course { ue, course, .. } = &place.at else {
            panic!("{place:?}")
        };
        assert!(ue.common);
        assert_eq!((ue.code.as_str(), ue.semester, *course), ("UE 1", 1, 0));
    }
    // An alternative of a "one of" entry is searchable on its own.
    let alt = find(&index, Kind::Course, "La mondialisation : enjeux et impact");
    let Location::Course { alternative, .. } = alt.places[0].at else {
        panic!()
    };
    assert_eq!(alternative, 1);
}

#[test]
fn ue_titles_group_despite_plural_drift() {
    // "Politique et action publique locales" (communication, urbain) and
    // "…locale" (collectivités) are the same UE under `title_key`.
    let (fiche, index) = real();
    let entry = find(&index, Kind::Ue, "Politique et action publique locales");
    assert_eq!(
        row(&fiche, &entry).2,
        ids(&["communication", "urbain", "collectivites"])
    );
}

#[test]
fn every_occurrence_of_the_fiche_is_indexed() {
    let (fiche, index) = real();
    let places = |kind: Kind| -> usize {
        index
            .entries()
            .filter(|e| e.kind == kind)
            .map(|e| e.places.len())
            .sum()
    };
    let sum = |f: fn(&model::Parcours) -> usize| fiche.parcours.iter().map(f).sum::<usize>();
    assert_eq!(places(Kind::Job), sum(|p| p.jobs.len()));
    assert_eq!(places(Kind::Competence), sum(|p| p.competences.len()));
    assert_eq!(places(Kind::Activity), sum(|p| p.activities.len()));
    assert_eq!(places(Kind::Sector), sum(|p| p.sectors.len()));
    let ues: usize = fiche
        .parcours
        .iter()
        .map(|p| {
            fiche
                .curriculum(p)
                .iter()
                .map(|s| s.semester.ues.len())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(places(Kind::Ue), ues);
}

/// The original chars at `positions`.
fn marked(text: &str, positions: &[usize]) -> String {
    let chars: Vec<char> = text.chars().collect();
    positions.iter().map(|&i| chars[i]).collect()
}

#[test]
fn highlight_marks_original_chars_including_expansions() {
    let (_, index) = real();
    let query = Query::new("oeuvre", Filter::All);
    let best = index.search(&query).hits[0];
    let text = &index.entry(best.id).text;
    let positions = index.highlight(best.id, &query);
    // "oe" both came from "œ": it is marked once.
    assert_eq!(marked(text, &positions), "œuvre");

    let query = Query::new("cabinet chef elu", Filter::All);
    let best = index.search(&query).hits[0];
    let text = &index.entry(best.id).text;
    assert_eq!(text, "Directeur ou chef de cabinet d’élu");
    assert_eq!(
        marked(text, &index.highlight(best.id, &query)),
        "chefcabinetélu"
    );
}

#[test]
fn highlight_of_a_scattered_match_marks_each_letter() {
    let (_, index) = real();
    let query = Query::new("lobiste", Filter::All);
    let best = index.search(&query).hits[0];
    let positions = index.highlight(best.id, &query);
    assert_eq!(positions.len(), 7);
    assert_eq!(marked("lobbyiste", &positions).chars().count(), 7);
    assert_eq!(positions[0], 0);
    assert_eq!(*positions.last().unwrap(), 8);
}

/// The embedded fiche with every list emptied (its ROME codes and
/// certifiers too) and no semesters, then `jobs` and `competences` given to
/// the first parcours.
fn tiny(jobs: &[&str], competences: &[&str]) -> SearchIndex {
    let mut fiche = model::embedded();
    fiche.common_semesters.clear();
    fiche.rome.clear();
    fiche.authority.organisations.clear();
    for p in &mut fiche.parcours {
        p.jobs.clear();
        p.competences.clear();
        p.activities.clear();
        p.sectors.clear();
        p.semesters.clear();
    }
    fiche.parcours[0].jobs = jobs.iter().map(|s| s.to_string()).collect();
    fiche.parcours[0].competences = competences.iter().map(|s| s.to_string()).collect();
    SearchIndex::of_fiche(&fiche)
}

fn texts(index: &SearchIndex, results: &Results) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| format!("{:?} {}", index.entry(h.id).kind, index.entry(h.id).text))
        .collect()
}

#[test]
fn ties_go_to_jobs_first_then_shorter_text() {
    let index = tiny(&["veille longue", "veille"], &["veille"]);
    let results = index.search(&Query::new("veille", Filter::All));
    assert_eq!(results.hits[0].score, results.hits[1].score);
    assert_eq!(
        texts(&index, &results),
        // Kind before length: a longer job beats a shorter competence.
        ["Job veille", "Job veille longue", "Competence veille"]
    );
}

#[test]
fn empty_query_lists_nothing_or_the_whole_kind_alphabetically() {
    let index = tiny(&["Zoologiste", "élu", "Archiviste"], &["Écouter"]);
    for q in ["", "   ", " ' … - "] {
        let all = index.search(&Query::new(q, Filter::All));
        assert_eq!((all.hits.len(), all.total), (0, 0));
        assert!(all.certifications.is_empty());
        assert_eq!(all.counts.total, 1, "counts still say what the facets keep");
        let jobs = index.search(&Query::new(q, Filter::Only(Kind::Job)));
        assert_eq!(
            texts(&index, &jobs),
            ["Job Archiviste", "Job élu", "Job Zoologiste"]
        );
        assert_eq!(jobs.total, 3);
    }
    let limited = index.search(&Query::new("", Filter::Only(Kind::Job)).with_limit(1));
    assert_eq!((limited.hits.len(), limited.total), (1, 3));
}

#[test]
fn kind_filter_keeps_only_that_kind() {
    let (_, index) = real();
    let results = index.search(&Query::new("projet", Filter::Only(Kind::Job)));
    assert!(results.total >= 3);
    assert!(
        results
            .hits
            .iter()
            .all(|h| index.entry(h.id).kind == Kind::Job)
    );
    let all = index.search(&Query::new("projet", Filter::All));
    assert!(all.total > results.total);
}

#[test]
fn limit_keeps_the_best_in_order_and_counts_all() {
    let (_, index) = real();
    let all = index.search(&Query::new("e", Filter::All));
    assert!(all.total > 100);
    let some = index.search(&Query::new("e", Filter::All).with_limit(7));
    assert_eq!(some.total, all.total);
    assert_eq!(some.hits, all.hits[..7]);
    assert!(
        index
            .search(&Query::new("e", Filter::All).with_limit(0))
            .hits
            .is_empty()
    );
}

#[test]
fn odd_input_never_crashes() {
    let (_, index) = real();
    for q in [
        "中文",
        "\u{e000}",
        "é\u{301}",
        "🙂 elu",
        &"x".repeat(10_000),
        "a'b\"c\\d",
    ] {
        let query = Query::new(q, Filter::All);
        for hit in index.search(&query).hits {
            index.highlight(hit.id, &query);
        }
    }
}

/// Type `text` one char at a time, then erase it, with a session and without:
/// the results must be the same at every step.
fn check_session(index: &SearchIndex, text: &str, filters: &[Filter]) {
    let mut session = Session::new();
    let chars: Vec<char> = text.chars().collect();
    let steps = (1..=chars.len()).chain((0..chars.len()).rev());
    for n in steps {
        let typed: String = chars[..n].iter().collect();
        for &filter in filters {
            let query = Query::new(&typed, filter).with_limit(20);
            assert_eq!(
                session.search(index, &query),
                index.search(&query),
                "{typed:?} {filter:?}"
            );
        }
    }
}

#[test]
fn session_gives_the_same_results_as_a_full_search() {
    let (_, index) = real();
    let filters = [Filter::All, Filter::Only(Kind::Job), Filter::All];
    check_session(&index, "ingenieur projet europ", &filters);
    check_session(&index, "chef  cabinet d'elu", &[Filter::All]);
}

#[test]
fn session_follows_edits_anywhere_in_the_query() {
    // Editing a middle word, deleting, switching filters: each step equals a fresh search.
    let (_, index) = real();
    let mut session = Session::new();
    let steps = [
        ("chef", Filter::All),
        ("chef cab", Filter::All),
        ("chef cab", Filter::Only(Kind::Job)),
        ("chef cab", Filter::Only(Kind::Competence)),
        ("cheff cab", Filter::All),
        ("chf cab", Filter::All),
        ("chef cabinet elu", Filter::All),
        ("c", Filter::All),
        ("", Filter::Only(Kind::Ue)),
        ("europ", Filter::Only(Kind::Ue)),
    ];
    for (typed, filter) in steps {
        let query = Query::new(typed, filter).with_limit(10);
        assert_eq!(
            session.search(&index, &query),
            index.search(&query),
            "{typed:?}"
        );
    }
}

/// A fiche with `copies` numbered copies of each list item of the real one:
/// enough entries to take the parallel path.
fn big(copies: usize) -> SearchIndex {
    let mut fiche = model::embedded();
    for p in &mut fiche.parcours {
        for list in [
            &mut p.jobs,
            &mut p.competences,
            &mut p.activities,
            &mut p.sectors,
        ] {
            *list = list
                .iter()
                .flat_map(|t| (0..copies).map(move |i| format!("{t} {i}")))
                .collect();
        }
    }
    SearchIndex::of_fiche(&fiche)
}

#[test]
fn large_index_is_searched_in_parallel_with_the_same_order() {
    let index = big(40);
    assert!(index.len() > 4096, "{}", index.len());
    let results = index.search(&Query::new("lobiste", Filter::All));
    let lobbyistes: Vec<&Hit> = results
        .hits
        .iter()
        .filter(|h| index.entry(h.id).text.starts_with("lobbyiste "))
        .collect();
    assert_eq!(lobbyistes.len(), 40);
    // Equal scores: shorter text ("lobbyiste 7") before longer ("lobbyiste 12"),
    // then index order.
    let first: Vec<String> = lobbyistes[..3]
        .iter()
        .map(|h| index.entry(h.id).text)
        .collect();
    assert_eq!(first, ["lobbyiste 0", "lobbyiste 1", "lobbyiste 2"]);
    check_session(&index, "lob", &[Filter::All]);
}

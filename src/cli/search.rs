//! `rncp-explorer search QUERY`: the search engine's results, as text lines or JSON.

use std::process::ExitCode;

use serde::Serialize;

use rncp_explorer::model::Fiche;
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::search::{Filter, Kind, Location, Place, Query, SearchIndex};

/// Like grep: 1 when nothing matched.
const EXIT_NO_MATCH: u8 = 1;

pub fn run(
    fiche: &Fiche,
    text: &str,
    kind: Option<Kind>,
    limit: Option<usize>,
    json: bool,
) -> ExitCode {
    let index = SearchIndex::of_fiche(fiche);
    let filter = kind.map_or(Filter::All, Filter::Only);
    let mut query = Query::new(text, filter);
    query.limit = limit;
    let results = index.search(&query);
    let rows: Vec<JsonHit> = results
        .hits
        .iter()
        .map(|hit| {
            let entry = index.entry(hit.id);
            JsonHit {
                text: &entry.text,
                kind: entry.kind,
                badge: entry.kind.badge(),
                parcours: entry
                    .parcours
                    .iter()
                    .map(|p| fiche.parcours[p.parcours].id.as_str())
                    .collect(),
                score: hit.score,
                highlight: index.highlight(hit.id, &query),
                places: entry
                    .places
                    .iter()
                    .map(|p| JsonPlace::new(fiche, p))
                    .collect(),
            }
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).expect("hits serialise")
        );
    } else {
        for row in &rows {
            println!("{}", text_line(fiche, row));
        }
    }
    if rows.is_empty() {
        // Stdout stays as scripts expect it (nothing, or `[]`); the person
        // at the terminal is told why.
        if query.is_empty() {
            eprintln!(
                "rncp-explorer: requête vide : donnez des mots à chercher, \
                 ou --kind TYPE pour lister tous les éléments d'un type"
            );
        } else {
            eprintln!(
                "rncp-explorer: aucun résultat pour « {} »{}",
                escape_for_terminal(text.trim()),
                kind.map(|k| format!(" (--kind {})", k.name()))
                    .unwrap_or_default()
            );
        }
        ExitCode::from(EXIT_NO_MATCH)
    } else {
        ExitCode::SUCCESS
    }
}

/// "Emploi      lobbyiste — Europe", with "S3 UE 7" for UEs and courses.
fn text_line(fiche: &Fiche, row: &JsonHit) -> String {
    let names: Vec<String> = row
        .parcours
        .iter()
        .filter_map(|id| fiche.parcours_by_id(id))
        .map(|p| p.short_label())
        .collect();
    let names = if names.len() == fiche.parcours.len() && names.len() > 1 {
        "tous les parcours".to_string()
    } else {
        names.join(", ")
    };
    let mut ues: Vec<String> = Vec::new();
    for place in &row.places {
        if let (Some(semester), Some(ue)) = (place.semester, place.ue) {
            let label = format!("S{semester} {ue}");
            if !ues.contains(&label) {
                ues.push(label);
            }
        }
    }
    let ues = if ues.is_empty() {
        String::new()
    } else {
        format!(" ({})", ues.join(", "))
    };
    format!("{:<11} {} — {}{}", row.badge, row.text, names, ues)
}

#[derive(Serialize)]
struct JsonHit<'a> {
    text: &'a str,
    /// Machine name: job, competence, activity, sector, ue, course.
    kind: Kind,
    /// French label: Emploi, Compétence…
    badge: &'static str,
    /// Parcours ids, in fiche order.
    parcours: Vec<&'a str>,
    score: i64,
    /// Char positions of `text` the query matched.
    highlight: Vec<usize>,
    places: Vec<JsonPlace<'a>>,
}

/// One occurrence: its parcours, and for UEs and courses the semester and UE code.
#[derive(Serialize)]
struct JsonPlace<'a> {
    parcours: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    semester: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    common: Option<bool>,
}

impl<'a> JsonPlace<'a> {
    fn new(fiche: &'a Fiche, place: &'a Place) -> Self {
        let ue = match &place.at {
            Location::Item { .. } => None,
            Location::Ue(ue) | Location::Course { ue, .. } => Some(ue),
        };
        JsonPlace {
            parcours: &fiche.parcours[place.parcours.parcours].id,
            semester: ue.map(|u| u.semester),
            ue: ue.map(|u| u.code.as_str()),
            common: ue.map(|u| u.common),
        }
    }
}

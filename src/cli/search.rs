//! `rncp-explorer search QUERY`: the search engine's results, as text lines
//! or JSON. On a catalogue of several fiches, certifications (one per
//! fiche, best first); with `--items`, `--fiche` or a single fiche, the
//! matching items as before.

use std::process::ExitCode;

use serde::Serialize;

use std::path::PathBuf;

use rncp_explorer::model::facets::Facets;
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::search::{
    Entry, Filter, Kind, Location, Mode, ParcoursName, Place, Query, Results, SearchIndex,
};

use super::{Chatter, index_cache};

/// Like grep: 1 when nothing matched.
const EXIT_NO_MATCH: u8 = 1;

/// What to search and how to show it.
pub struct Request<'a> {
    pub text: &'a str,
    pub kind: Option<Kind>,
    pub limit: Option<usize>,
    pub json: bool,
    pub items: bool,
    pub facets: Facets,
}

/// `search` over the `--data` files (the whole catalogue), or over the one
/// fiche `--fiche` names. An export's index is kept in the cache folder
/// (`index_cache`): the next search reads it instead of loading the export.
pub fn run(data: &[PathBuf], fiche: Option<&str>, chatter: Chatter, request: &Request) -> ExitCode {
    // `--verbose` lists the load's warnings: it loads.
    if fiche.is_none()
        && !chatter.verbose
        && super::any_export(data)
        && let Some(key) = index_cache::key(data)
    {
        if let Some(index) = index_cache::read(&key) {
            return answer(&index, request);
        }
        let catalogue = match super::load(data, chatter) {
            Ok(catalogue) => catalogue,
            Err(code) => return code,
        };
        let index = SearchIndex::build(&catalogue);
        drop(catalogue);
        index_cache::write(&key, &index);
        return answer(&index, request);
    }
    let catalogue = match super::load(data, chatter) {
        Ok(catalogue) => catalogue,
        Err(code) => return code,
    };
    let index = match fiche {
        Some(_) => match super::one_fiche(&catalogue, fiche) {
            Ok(fiche) => SearchIndex::of_fiche(fiche),
            Err(code) => return code,
        },
        None => SearchIndex::build(&catalogue),
    };
    answer(&index, request)
}

/// Searches `index` and prints the answer. On one fiche (the only one, or
/// `--fiche`), items, whatever the fiche's state; on several,
/// certifications unless `--items`.
fn answer(index: &SearchIndex, request: &Request) -> ExitCode {
    let mut facets = request.facets.clone();
    let one_fiche = index.fiche_count() == 1;
    if one_fiche {
        // The fiche asked for is searched whatever its state.
        facets.include_inactive = true;
    }
    let mode = if request.items || one_fiche {
        Mode::Items
    } else {
        Mode::Certifications
    };
    let mut query = Query::new(request.text, request.kind.map_or(Filter::All, Filter::Only))
        .with_mode(mode)
        .with_facets(facets);
    query.limit = request.limit;
    let results = index.search(&query);
    if results.partial {
        eprintln!(
            "rncp-explorer: aucune certification ne contient tous ces mots ; \
             voici celles qui en contiennent le plus"
        );
    }
    let found = match mode {
        Mode::Certifications => {
            let rows: Vec<JsonCert> = certifications(index, &query, &results);
            if let Err(code) = print(&rows, request.json, cert_lines) {
                return code;
            }
            !rows.is_empty()
        }
        Mode::Items => {
            let rows: Vec<JsonHit> = results
                .hits
                .iter()
                .map(|hit| {
                    let entry = index.entry(hit.id);
                    JsonHit::new(index, &entry, hit.score, index.highlight(hit.id, &query))
                })
                .collect();
            if let Err(code) = print(&rows, request.json, |row| item_line(row, !one_fiche)) {
                return code;
            }
            !rows.is_empty()
        }
    };
    if found {
        return ExitCode::SUCCESS;
    }
    // Stdout stays as scripts expect it (nothing, or `[]`); the person at
    // the terminal is told why.
    if query.is_empty() {
        eprintln!(
            "rncp-explorer: requête vide : donnez des mots à chercher{}",
            if mode == Mode::Items {
                ", ou --kind TYPE pour lister tous les éléments d'un type"
            } else {
                ""
            }
        );
    } else {
        let mut why = Vec::new();
        if let Some(kind) = request.kind {
            why.push(format!("--kind {}", kind.name()));
        }
        if !one_fiche && !request.facets.include_inactive && results.counts.inactive > 0 {
            why.push(format!(
                "{} fiche(s) inactive(s) en auraient : --all",
                results.counts.inactive
            ));
        }
        eprintln!(
            "rncp-explorer: aucun résultat pour « {} »{}",
            escape_for_terminal(request.text.trim()),
            if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", why.join(" ; "))
            }
        );
    }
    ExitCode::from(EXIT_NO_MATCH)
}

/// JSON (an array) or text lines of `rows`, quiet on a closed pipe
/// (`search … | head`). `Err` is the exit status to return at once.
fn print<T: Serialize>(
    rows: &[T],
    json: bool,
    lines: impl Fn(&T) -> String,
) -> Result<(), ExitCode> {
    super::stdout::write_with(|out| {
        if json {
            // `From` keeps a write error's kind (a closed pipe stays one).
            serde_json::to_writer_pretty(&mut *out, rows).map_err(std::io::Error::from)?;
            writeln!(out)
        } else {
            rows.iter()
                .try_for_each(|row| writeln!(out, "{}", lines(row)))
        }
    })
}

fn certifications<'a>(
    index: &'a SearchIndex,
    query: &Query,
    results: &Results,
) -> Vec<JsonCert<'a>> {
    results
        .certifications
        .iter()
        .map(|c| {
            let summary = index.summary(c.fiche);
            let kind = index.kind(c.best);
            JsonCert {
                numero: summary.numero.to_string(),
                intitule: &summary.intitule,
                niveau: summary.level,
                actif: summary.active,
                score: c.score,
                best: JsonBest {
                    text: index.text(c.best),
                    kind,
                    badge: kind.badge(),
                    highlight: index.highlight(c.best, query),
                },
            }
        })
        .collect()
}

/// "RNCP37674  niv. 5  active    Développeur web et web mobile", then the
/// best item beneath unless it is the intitulé.
fn cert_lines(row: &JsonCert) -> String {
    let level = row
        .niveau
        .map_or_else(|| "—".to_string(), |l| format!("niv. {l}"));
    let state = match row.actif {
        Some(true) => "active",
        Some(false) => "inactive",
        None => "état ?",
    };
    let mut text = format!(
        "{:<10} {:<7} {:<9} {}",
        row.numero, level, state, row.intitule
    );
    if row.best.kind != Kind::Title {
        text.push_str(&format!(
            "\n{:<10} {} : {}",
            "", row.best.badge, row.best.text
        ));
    }
    text
}

/// "Emploi      lobbyiste — Europe", with "S3 UE 7" for UEs and courses;
/// over several fiches, the fiche's number first ("— RNCP24759 · Europe").
fn item_line(row: &JsonHit, several: bool) -> String {
    let names = if row.shorts.len() == row.fiche_parcours && row.shorts.len() > 1 {
        "tous les parcours".to_string()
    } else {
        row.shorts.join(", ")
    };
    let mut ues: Vec<String> = Vec::new();
    for place in &row.places {
        if let (Some(semester), Some(ue)) = (place.semester, &place.ue) {
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
    let place = match (several, row.fiche_parcours) {
        (false, _) => names,
        // A registry fiche's one parcours is the fiche itself.
        (true, 1) => row.numero.clone(),
        (true, _) => format!("{} · {names}", row.numero),
    };
    format!("{:<11} {} — {}{}", row.badge, row.text, place, ues)
}

/// A certification as `--json` gives it.
#[derive(Serialize)]
struct JsonCert<'a> {
    /// "RNCP37674".
    numero: String,
    intitule: &'a str,
    /// European level 1–8, `null` when the fiche has none.
    niveau: Option<u8>,
    /// `null` when the fiche does not say (a RON fiche).
    actif: Option<bool>,
    score: u32,
    best: JsonBest<'a>,
}

/// The certification's best-matching item.
#[derive(Serialize)]
struct JsonBest<'a> {
    text: &'a str,
    kind: Kind,
    badge: &'static str,
    /// Char positions of `text` the query matched.
    highlight: Vec<usize>,
}

#[derive(Serialize)]
struct JsonHit {
    text: String,
    /// Machine name: job, competence, activity, sector, ue, course, title…
    kind: Kind,
    /// French label: Emploi, Compétence…
    badge: &'static str,
    /// The fiche's number ("RNCP24759").
    numero: String,
    /// Parcours ids, in fiche order.
    parcours: Vec<String>,
    score: i64,
    /// Char positions of `text` the query matched.
    highlight: Vec<usize>,
    places: Vec<JsonPlace>,
    /// The parcours' short labels, for the text line.
    #[serde(skip)]
    shorts: Vec<String>,
    /// How many parcours the fiche has.
    #[serde(skip)]
    fiche_parcours: usize,
}

impl JsonHit {
    fn new(index: &SearchIndex, entry: &Entry, score: i64, highlight: Vec<usize>) -> JsonHit {
        let names = index.parcours_names(entry.fiche);
        let name = |p: usize| names.get(p);
        JsonHit {
            text: entry.text.clone(),
            kind: entry.kind,
            badge: entry.kind.badge(),
            numero: index.summary(entry.fiche).numero.to_string(),
            parcours: entry
                .parcours
                .iter()
                .filter_map(|p| name(p.parcours).map(|n| n.id.clone()))
                .collect(),
            score,
            highlight,
            places: entry
                .places
                .iter()
                .map(|p| JsonPlace::new(names, p))
                .collect(),
            shorts: entry
                .parcours
                .iter()
                .filter_map(|p| name(p.parcours).map(|n| n.short.clone()))
                .collect(),
            fiche_parcours: names.len(),
        }
    }
}

/// One occurrence: its parcours, and for UEs and courses the semester and UE code.
#[derive(Serialize)]
struct JsonPlace {
    parcours: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    semester: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    common: Option<bool>,
}

impl JsonPlace {
    fn new(names: &[ParcoursName], place: &Place) -> Self {
        let ue = match &place.at {
            Location::Item { .. } => None,
            Location::Ue(ue) | Location::Course { ue, .. } => Some(ue),
        };
        JsonPlace {
            parcours: names
                .get(place.parcours.parcours)
                .map_or_else(String::new, |n| n.id.clone()),
            semester: ue.map(|u| u.semester),
            ue: ue.map(|u| u.code.clone()),
            common: ue.map(|u| u.common),
        }
    }
}

//! Parses one slice of the export (root-level content ending after a
//! `</FICHE>`) into records, event by event with quick-xml: no tree is built.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::date::Date;
use super::sanitize::{clean_line, clean_text};
use super::text::structure;
use super::types::*;

/// A message at a byte offset of the slice being parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub offset: usize,
    pub message: String,
}

/// One `<FICHE>` read: its record, or why it is skipped, and its warnings.
pub(crate) struct FicheOutcome {
    pub offset: usize,
    pub record: Result<Record, Located>,
    pub warnings: Vec<Located>,
}

/// What one slice held.
#[derive(Default)]
pub(crate) struct SliceOutcome {
    pub fiches: Vec<FicheOutcome>,
    /// Root-level findings (unknown elements, stray text).
    pub warnings: Vec<Located>,
    /// `</FICHES>` was seen.
    pub root_closed: bool,
    /// A `<FICHE>` started but the slice ended first: its offset.
    pub unfinished: Option<usize>,
    /// A fatal syntax error outside any fiche.
    pub error: Option<Located>,
}

/// Parses root-level XML: `<FICHE>` elements, the `<FICHES>` markers and
/// anything else (reported). `text` is a slice cut at element boundaries.
pub(crate) fn parse_slice(bytes: &[u8]) -> SliceOutcome {
    let mut out = SliceOutcome::default();
    // quick-xml checks UTF-8 event by event: no separate pass over the bytes.
    let mut reader = Reader::from_reader(bytes);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    // The slice starts inside `<FICHES>`: its `</FICHES>` has no opening here.
    config.allow_unmatched_ends = true;
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                out.error = Some(fatal(bytes, &e, reader.error_position() as usize));
                return out;
            }
        };
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "FICHE" => {
                    let fiche = parse_fiche(&mut reader, at);
                    if let Some(e) = fiche.fatal {
                        out.error = Some(fatal(bytes, &e, fiche.error_at));
                        return out;
                    }
                    let unfinished = fiche.unfinished;
                    out.fiches.push(fiche.outcome);
                    if unfinished {
                        out.fiches.pop();
                        out.unfinished = Some(at);
                        return out;
                    }
                }
                "FICHES" => {}
                other => {
                    let name = other.to_string();
                    let mut depth = 1;
                    while depth > 0 {
                        match reader.read_event() {
                            Ok(Event::Start(_)) => depth += 1,
                            Ok(Event::End(_)) => depth -= 1,
                            Ok(Event::Eof) => break,
                            Ok(_) => {}
                            Err(_) => break,
                        }
                    }
                    if name != "VERSION_FLUX" {
                        out.warnings.push(Located {
                            offset: at,
                            message: format!("balise inconnue <{name}> sous <FICHES> : ignorée"),
                        });
                    }
                }
            },
            Event::End(e) if e.name().as_ref() == "FICHES" => out.root_closed = true,
            Event::Text(t) if !t.trim_ascii().is_empty() => out.warnings.push(Located {
                offset: at,
                message: "texte hors de toute fiche : ignoré".into(),
            }),
            Event::CData(_) | Event::GeneralRef(_) => out.warnings.push(Located {
                offset: at,
                message: "texte hors de toute fiche : ignoré".into(),
            }),
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// The located error for `e`; invalid UTF-8 is pointed at its first bad byte.
fn fatal(bytes: &[u8], e: &quick_xml::Error, at: usize) -> Located {
    if let quick_xml::Error::Encoding(_) = e {
        let offset = std::str::from_utf8(bytes)
            .err()
            .map_or(at, |u| u.valid_up_to());
        return Located {
            offset,
            message: "texte invalide : ce n'est pas de l'UTF-8".into(),
        };
    }
    Located {
        offset: at,
        message: format!("XML invalide : {e}"),
    }
}

struct Parsed {
    outcome: FicheOutcome,
    unfinished: bool,
    /// An error that condemns the whole file (invalid UTF-8), and where.
    fatal: Option<quick_xml::Error>,
    error_at: usize,
}

/// Reads the content of one `<FICHE>` (its start tag already read at `start`).
fn parse_fiche(reader: &mut Reader<&[u8]>, start: usize) -> Parsed {
    let mut b = Builder {
        record: Record::new(
            Numero {
                repertoire: Repertoire::Rncp,
                number: String::new(),
            },
            String::new(),
        ),
        numero_seen: false,
        warnings: Vec::new(),
        error: None,
        removed: 0,
        removed_field: None,
    };
    let mut path = TagPath::default();
    let mut text = String::new();
    let mut text_at = start;
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let error_at = reader.error_position() as usize;
                if let quick_xml::Error::Encoding(_) = e {
                    return Parsed {
                        outcome: FicheOutcome {
                            offset: start,
                            record: Err(Located {
                                offset: start,
                                message: String::new(),
                            }),
                            warnings: Vec::new(),
                        },
                        unfinished: false,
                        fatal: Some(e),
                        error_at,
                    };
                }
                let located = Located {
                    offset: error_at,
                    message: format!("XML invalide dans la fiche : {e}"),
                };
                // Skip to this fiche's end so the next one reads cleanly.
                let unfinished = skip_to_fiche_end(reader, path.depth());
                return Parsed {
                    outcome: FicheOutcome {
                        offset: start,
                        record: Err(located),
                        warnings: b.warnings,
                    },
                    unfinished,
                    fatal: None,
                    error_at,
                };
            }
        };
        match event {
            Event::Start(e) => {
                // Text before a child element (mixed content) is kept, not dropped.
                if path.depth() > 0 && !text.trim().is_empty() {
                    let (parts, n) = path.parts();
                    b.extra(&parts[..n], &text, text_at);
                }
                path.push(e.name().as_ref());
                b.open(&path, at);
                text.clear();
                text_at = at;
            }
            Event::End(_) => {
                if path.depth() == 0 {
                    break;
                }
                b.leaf(&path, &text, text_at);
                text.clear();
                path.pop();
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref() {
                Ok(Some(c)) => text.push(c),
                Ok(None) => match &*r.into_inner() {
                    "amp" => text.push('&'),
                    "lt" => text.push('<'),
                    "gt" => text.push('>'),
                    "quot" => text.push('"'),
                    "apos" => text.push('\''),
                    // An HTML entity the XML does not declare: kept for the
                    // text structuring, which decodes HTML entities.
                    other => {
                        text.push('&');
                        text.push_str(other);
                        text.push(';');
                    }
                },
                Err(e) => b.warn(at, format!("référence de caractère invalide : {e}")),
            },
            Event::Eof => {
                return Parsed {
                    outcome: FicheOutcome {
                        offset: start,
                        record: Err(Located {
                            offset: start,
                            message: "fiche tronquée".into(),
                        }),
                        warnings: b.warnings,
                    },
                    unfinished: true,
                    fatal: None,
                    error_at: start,
                };
            }
            _ => {}
        }
    }
    Parsed {
        outcome: b.finish(start),
        unfinished: false,
        fatal: None,
        error_at: start,
    }
}

/// After an error inside a fiche, reads on to its `</FICHE>`; true when the
/// input ends first.
fn skip_to_fiche_end(reader: &mut Reader<&[u8]>, depth: usize) -> bool {
    let mut depth = depth as i64;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(e)) => {
                if depth <= 0 && e.name().as_ref() == "FICHE" {
                    return false;
                }
                depth -= 1;
            }
            Ok(Event::Eof) => return true,
            Ok(_) => {}
            // Unrecoverable syntax: the rest of the slice is this fiche.
            Err(_) => return false,
        }
    }
}

/// Deepest path told apart; deeper elements are matched on their first
/// components only, which no known tag needs.
const MAX_DEPTH: usize = 8;

/// The open elements under `<FICHE>`, as one reused string ("A/B/C") and
/// where each component starts: no allocation per element, and the path's
/// parts are sliced out, never searched for (this runs twice per element).
#[derive(Default)]
struct TagPath {
    joined: String,
    /// Start of each component in `joined`.
    starts: Vec<usize>,
}

impl TagPath {
    fn push(&mut self, name: &str) {
        if !self.joined.is_empty() {
            self.joined.push('/');
        }
        self.starts.push(self.joined.len());
        self.joined.push_str(name);
    }

    fn pop(&mut self) {
        let start = self.starts.pop().unwrap_or(0);
        // Drop the component and the '/' before it.
        self.joined.truncate(start.saturating_sub(1));
    }

    fn depth(&self) -> usize {
        self.starts.len()
    }

    fn parts(&self) -> ([&str; MAX_DEPTH], usize) {
        let mut parts = [""; MAX_DEPTH];
        let n = self.starts.len().min(MAX_DEPTH);
        for (i, part) in parts.iter_mut().enumerate().take(n) {
            let end = match self.starts.get(i + 1) {
                Some(next) => next - 1,
                None => self.joined.len(),
            };
            *part = &self.joined[self.starts[i]..end];
        }
        (parts, n)
    }
}

struct Builder {
    record: Record,
    numero_seen: bool,
    warnings: Vec<Located>,
    error: Option<Located>,
    removed: usize,
    removed_field: Option<String>,
}

impl Builder {
    fn warn(&mut self, offset: usize, message: String) {
        self.warnings.push(Located { offset, message });
    }

    fn fail(&mut self, offset: usize, message: String) {
        if self.error.is_none() {
            self.error = Some(Located { offset, message });
        }
    }

    /// A container element opens: make room for what it holds.
    fn open(&mut self, path: &TagPath, _at: usize) {
        let (parts, n) = path.parts();
        let p = &parts[..n];
        let r = &mut self.record;
        match p {
            ["ABREGE"] => r.abbreviation = Some(coded()),
            ["NOMENCLATURE_EUROPE"] => {
                r.europe_level = Some(EuropeLevel {
                    level: None,
                    code: String::new(),
                    label: None,
                })
            }
            ["CODES_NSF", "NSF"] => r.nsf.push(coded()),
            ["FORMACODES", "FORMACODE"] => r.formacodes.push(coded()),
            ["CODES_ROME", "ROME"] => r.rome.push(coded()),
            ["CODES_IDCC", "IDCC"] => r.idcc.push(coded()),
            [ccn] if ccn_rank(ccn).is_some() => r.conventions.push(Convention {
                rank: ccn_rank(ccn).unwrap_or(0),
                number: None,
                label: None,
            }),
            ["CORRESPONDANCES", "CORRESPONDANCE"] => {
                r.correspondences.push(Correspondence::default())
            }
            ["CERTIFICATEURS", "CERTIFICATEUR"] => r.certifiers.push(Certifier::default()),
            ["PARTENAIRES", "PARTENAIRE"] => r.partners.push(Partner::default()),
            ["BLOCS_COMPETENCES", "BLOC_COMPETENCES"] => r.blocs.push(Bloc::default()),
            [jury] if Voie::from_tag(jury).is_some() => {
                if let Some(route) = Voie::from_tag(jury) {
                    r.juries.push(Jury {
                        route,
                        open: None,
                        composition: None,
                        changed: None,
                    })
                }
            }
            [decree, "PUBLICATION_JO"] if decree_kind(decree).is_some() => {
                if let Some(kind) = decree_kind(decree) {
                    r.publications.push(Publication {
                        kind,
                        title: None,
                        date: None,
                    })
                }
            }
            ["STATISTIQUES_PROMOTIONS", "STATISTIQUES_PROMOTION"] => {
                r.promotions.push(Promotion::default())
            }
            _ => {}
        }
    }

    /// An element closes with `raw` as its text: store it where it belongs.
    fn leaf(&mut self, path: &TagPath, raw: &str, at: usize) {
        let (parts, n) = path.parts();
        let p = &parts[..n];
        if is_container(p) {
            if !raw.trim().is_empty() {
                self.extra(p, raw, at);
            }
            return;
        }
        let is_text = is_text_field(p);
        let (value, removed) = if is_text {
            clean_text(raw)
        } else {
            clean_line(raw)
        };
        if removed > 0 {
            self.removed += removed;
            if self.removed_field.is_none() {
                self.removed_field = Some(p.join("/"));
            }
        }
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let line = || Some(value.to_string());
        let text = || structure(value);
        macro_rules! date {
            () => {
                match Date::parse(value) {
                    Some(d) => Some(d),
                    None => {
                        self.fail(
                            at,
                            format!(
                                "{} : date invalide « {value} » (JJ/MM/AAAA attendu)",
                                p.join("/")
                            ),
                        );
                        None
                    }
                }
            };
        }
        macro_rules! yes_no {
            () => {
                match value {
                    "Oui" | "OUI" | "oui" => Some(true),
                    "Non" | "NON" | "non" => Some(false),
                    _ => {
                        self.fail(
                            at,
                            format!("{} : « {value} » au lieu de Oui/Non", p.join("/")),
                        );
                        None
                    }
                }
            };
        }
        macro_rules! count {
            ($what:expr) => {
                match value.parse::<u32>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        self.warn(
                            at,
                            format!(
                                "{} : nombre attendu, « {value} » gardé tel quel dans extra",
                                p.join("/")
                            ),
                        );
                        self.record.extra.push(Extra {
                            path: p.join("/"),
                            text: value.to_string(),
                        });
                        None
                    }
                }
            };
        }
        match p {
            ["ID_FICHE"] => self.record.id = line(),
            ["NUMERO_FICHE"] => match Numero::parse(value) {
                Some(n) => {
                    self.record.numero = n;
                    self.numero_seen = true;
                }
                None => self.fail(at, format!("NUMERO_FICHE invalide « {value} »")),
            },
            ["INTITULE"] => self.record.intitule = value.to_string(),
            ["ABREGE", "CODE"] => set_code(&mut self.record.abbreviation, value),
            ["ABREGE", "LIBELLE"] => set_label(&mut self.record.abbreviation, value),
            ["ETAT_FICHE"] => self.record.state = line(),
            ["ACTIF"] => self.record.active = yes_no!(),
            ["TYPE_ENREGISTREMENT"] => self.record.registration_kind = line(),
            ["NOMENCLATURE_EUROPE", "NIVEAU"] => {
                let level = europe_level(value);
                if level.is_none() && value != "AUCUN" {
                    self.warn(at, format!("NIVEAU inconnu « {value} » (NIV3…NIV8 ou AUCUN attendu) : gardé sans niveau"));
                }
                if let Some(e) = &mut self.record.europe_level {
                    e.level = level;
                    e.code = value.to_string();
                }
            }
            ["NOMENCLATURE_EUROPE", "LIBELLE"] => {
                if let Some(e) = &mut self.record.europe_level {
                    e.label = line();
                }
            }
            ["CODES_NSF", "NSF", "CODE"] => set_last_code(&mut self.record.nsf, value),
            ["CODES_NSF", "NSF", "LIBELLE"] => set_last_label(&mut self.record.nsf, value),
            ["FORMACODES", "FORMACODE", "CODE"] => {
                set_last_code(&mut self.record.formacodes, value)
            }
            ["FORMACODES", "FORMACODE", "LIBELLE"] => {
                set_last_label(&mut self.record.formacodes, value)
            }
            ["CODES_ROME", "ROME", "CODE"] => set_last_code(&mut self.record.rome, value),
            ["CODES_ROME", "ROME", "LIBELLE"] => set_last_label(&mut self.record.rome, value),
            ["CODES_IDCC", "IDCC", "CODE"] => set_last_code(&mut self.record.idcc, value),
            ["CODES_IDCC", "IDCC", "LIBELLE"] => set_last_label(&mut self.record.idcc, value),
            [ccn, "NUMERO"] if ccn_rank(ccn).is_some() => {
                if let Some(c) = self.record.conventions.last_mut() {
                    c.number = line();
                }
            }
            [ccn, "LIBELLE"] if ccn_rank(ccn).is_some() => {
                if let Some(c) = self.record.conventions.last_mut() {
                    c.label = line();
                }
            }
            ["VALIDATION_PARTIELLE"] => self.record.partial_validation = yes_no!(),
            ["VALIDATION_PARTIELLE_PERIMETRE"] => self.record.partial_validation_scope = text(),
            ["NIVEAU_MAITRISE_COMPETENCES"] => self.record.mastery_level = line(),
            ["DATE_EFFET"] => self.record.dates.effect = date!(),
            ["DATE_FIN_ENREGISTREMENT"] => self.record.dates.end_of_registration = date!(),
            ["DATE_DECISION"] => self.record.dates.decision = date!(),
            ["DATE_DERNIER_JO"] => self.record.dates.last_official_journal = date!(),
            ["DATE_DE_PUBLICATION"] => self.record.dates.publication = date!(),
            ["DATE_LIMITE_DELIVRANCE"] => self.record.dates.delivery_deadline = date!(),
            ["DUREE_ENREGISTREMENT"] => self.record.registration_years = count!("durée"),
            ["DUREE_VALIDITE"] => self.record.validity = line(),
            ["MODALITES_RENOUVELLEMENT"] => self.record.renewal = text(),
            [
                "NOUVELLES_CERTIFICATIONS",
                "NOUVELLE_CERTIFICATION",
                "ID_FICHE_NOUVELLE_CERTIFICATION",
            ] => match Numero::parse(value) {
                Some(n) => self.record.replaced_by.push(n),
                None => self.fail(at, format!("numéro de certification invalide « {value} »")),
            },
            [
                "ANCIENNES_CERTIFICATIONS",
                "ANCIENNE_CERTIFICATION",
                "ID_FICHE_ANCIENNE_CERTIFICATION",
            ] => match Numero::parse(value) {
                Some(n) => self.record.replaces.push(n),
                None => self.fail(at, format!("numéro de certification invalide « {value} »")),
            },
            [
                "CORRESPONDANCES",
                "CORRESPONDANCE",
                "SOURCE",
                "BLOC_COMPETENCES",
                "CODE",
            ] => {
                if let Some(c) = self.record.correspondences.last_mut() {
                    c.source_blocs.push(value.to_string());
                }
            }
            [
                "CORRESPONDANCES",
                "CORRESPONDANCE",
                "DESTINATION",
                "NUMERO_FICHE",
            ] => match Numero::parse(value) {
                Some(n) => {
                    if let Some(c) = self.record.correspondences.last_mut() {
                        c.destination = Some(n);
                    }
                }
                None => self.fail(at, format!("numéro de certification invalide « {value} »")),
            },
            [
                "CORRESPONDANCES",
                "CORRESPONDANCE",
                "DESTINATION",
                "BLOC_COMPETENCES",
                "CODE",
            ] => {
                if let Some(c) = self.record.correspondences.last_mut() {
                    c.destination_blocs.push(value.to_string());
                }
            }
            ["CERTIFICATEURS", "CERTIFICATEUR", field] => {
                let date = if *field == "DATE_DERNIERE_MODIFICATION_ETAT" {
                    date!()
                } else {
                    None
                };
                let Some(c) = self.record.certifiers.last_mut() else {
                    return;
                };
                match *field {
                    "SIRET_CERTIFICATEUR" => c.siret = line(),
                    "NOM_CERTIFICATEUR" => c.name = value.to_string(),
                    "NOM_COMMERCIAL" => c.trade_name = line(),
                    "ETAT_CERTIFICATEUR" => c.state = line(),
                    "DATE_DERNIERE_MODIFICATION_ETAT" => c.state_changed = date,
                    "SITE_INTERNET" => c.website = line(),
                    _ => self.extra(p, value, at),
                }
            }
            ["EXISTENCE_PARTENAIRES"] => self.record.has_partners = yes_no!(),
            ["PARTENAIRES", "PARTENAIRE", field] => {
                let date = if field.starts_with("DATE_") {
                    date!()
                } else {
                    None
                };
                let Some(c) = self.record.partners.last_mut() else {
                    return;
                };
                match *field {
                    "NOM_PARTENAIRE" => c.name = value.to_string(),
                    "SIRET_PARTENAIRE" => c.siret = line(),
                    "HABILITATION_PARTENAIRE" => c.habilitation = Some(Habilitation::parse(value)),
                    "ETAT_HABILITATION" => c.state = line(),
                    "DATE_ACTIF" => c.active_since = date,
                    "DATE_DERNIERE_MODIFICATION_ETAT" => c.state_changed = date,
                    _ => self.extra(p, value, at),
                }
            }
            ["ACTIVITES_VISEES"] => self.record.activities = text(),
            ["CAPACITES_ATTESTEES"] => self.record.capacities = text(),
            ["SECTEURS_ACTIVITE"] => self.record.sectors = text(),
            ["TYPE_EMPLOI_ACCESSIBLES"] => self.record.jobs = text(),
            ["OBJECTIFS_CONTEXTE"] => self.record.objectives = text(),
            ["REGLEMENTATIONS_ACTIVITES"] => self.record.regulations = text(),
            ["PREREQUIS_ENTREE_FORMATION"] => self.record.entry_prerequisites = text(),
            ["PREREQUIS_VALIDATION_CERTIFICATION"] => self.record.validation_prerequisites = text(),
            ["BLOCS_COMPETENCES", "BLOC_COMPETENCES", field] => {
                let Some(bloc) = self.record.blocs.last_mut() else {
                    return;
                };
                match *field {
                    "CODE" => bloc.code = value.to_string(),
                    "LIBELLE" => bloc.label = value.to_string(),
                    "LISTE_COMPETENCES" => bloc.competences = text(),
                    "MODALITES_EVALUATION" => bloc.assessment = text(),
                    "PREREQUIS_ENTREE_FORMATION_BLOC" => bloc.entry_prerequisites = text(),
                    "PREREQUIS_VALIDATION_BLOC" => bloc.validation_prerequisites = text(),
                    _ => self.extra(p, value, at),
                }
            }
            ["LIEN_URL_DESCRIPTION"] => self.record.description_url = line(),
            [jury, field] if Voie::from_tag(jury).is_some() => {
                let open = if *field == "ACTIF" { yes_no!() } else { None };
                let date = if *field == "DATE_DERNIERE_MODIFICATION" {
                    date!()
                } else {
                    None
                };
                let Some(j) = self.record.juries.last_mut() else {
                    return;
                };
                match *field {
                    "ACTIF" => j.open = open,
                    "COMPOSITION" => j.composition = line(),
                    "DATE_DERNIERE_MODIFICATION" => j.changed = date,
                    _ => self.extra(p, value, at),
                }
            }
            ["ACCESSIBLE_NOUVELLE_CALEDONIE"] => self.record.new_caledonia = yes_no!(),
            ["ACCESSIBLE_POLYNESIE_FRANCAISE"] => self.record.french_polynesia = yes_no!(),
            [decree, "PUBLICATION_JO", field] if decree_kind(decree).is_some() => {
                let date = if *field == "DATE_PUBLICATION_JO" {
                    date!()
                } else {
                    None
                };
                let Some(pb) = self.record.publications.last_mut() else {
                    return;
                };
                match *field {
                    "TITRE" => pb.title = line(),
                    "DATE_PUBLICATION_JO" => pb.date = date,
                    _ => self.extra(p, value, at),
                }
            }
            ["STATISTIQUES_PROMOTIONS", "STATISTIQUES_PROMOTION", field] => {
                let known = matches!(
                    *field,
                    "ANNEE"
                        | "NOMBRE_CERTIFIES"
                        | "NOMBRE_CERTIFIES_VAE"
                        | "TAUX_INSERTION_GLOBAL_6MOIS"
                        | "TAUX_INSERTION_METIER_2ANS"
                );
                if !known {
                    self.extra(p, value, at);
                    return;
                }
                let n = count!("nombre");
                let Some(s) = self.record.promotions.last_mut() else {
                    return;
                };
                match *field {
                    "ANNEE" => s.year = n.and_then(|n| u16::try_from(n).ok()),
                    "NOMBRE_CERTIFIES" => s.certified = n,
                    "NOMBRE_CERTIFIES_VAE" => s.certified_vae = n,
                    "TAUX_INSERTION_GLOBAL_6MOIS" => s.insertion_6_months = n,
                    _ => s.insertion_2_years = n,
                }
            }
            ["ANNEES_PROMOTIONS_NIVEAU", "ANNEE"] => {
                if let Some(y) = count!("année").and_then(|n| u16::try_from(n).ok()) {
                    self.record.level_years.push(y);
                }
            }
            _ => self.extra(p, value, at),
        }
    }

    /// Keeps an unknown tag's text and says so.
    fn extra(&mut self, path: &[&str], value: &str, at: usize) {
        let path = path.join("/");
        self.warn(at, format!("balise inconnue {path} : gardée telle quelle"));
        let (value, _) = clean_line(value);
        self.record.extra.push(Extra {
            path,
            text: value.trim().to_string(),
        });
    }

    fn finish(mut self, start: usize) -> FicheOutcome {
        if self.removed > 0 {
            let field = self.removed_field.take().unwrap_or_default();
            self.warn(
                start,
                format!(
                    "{} caractère(s) de contrôle ou invisible(s) retiré(s) (d'abord dans {field})",
                    self.removed
                ),
            );
        }
        if self.error.is_none() && !self.numero_seen {
            self.fail(start, "fiche sans NUMERO_FICHE".into());
        }
        if self.error.is_none() && self.record.intitule.is_empty() {
            self.fail(start, format!("fiche {} sans INTITULE", self.record.numero));
        }
        let record = match self.error {
            Some(mut e) => {
                if self.numero_seen {
                    e.message = format!("{} : {}", self.record.numero, e.message);
                }
                Err(e)
            }
            None => Ok(self.record),
        };
        FicheOutcome {
            offset: start,
            record,
            warnings: self.warnings,
        }
    }
}

fn coded() -> Coded {
    Coded {
        code: String::new(),
        label: String::new(),
    }
}

fn set_code(c: &mut Option<Coded>, v: &str) {
    if let Some(c) = c {
        c.code = v.to_string();
    }
}

fn set_label(c: &mut Option<Coded>, v: &str) {
    if let Some(c) = c {
        c.label = v.to_string();
    }
}

fn set_last_code(list: &mut [Coded], v: &str) {
    if let Some(c) = list.last_mut() {
        c.code = v.to_string();
    }
}

fn set_last_label(list: &mut [Coded], v: &str) {
    if let Some(c) = list.last_mut() {
        c.label = v.to_string();
    }
}

fn ccn_rank(tag: &str) -> Option<u8> {
    match tag {
        "CCN_1" => Some(1),
        "CCN_2" => Some(2),
        "CCN_3" => Some(3),
        _ => None,
    }
}

fn decree_kind(tag: &str) -> Option<DecreeKind> {
    match tag {
        "PUBLICATION_DECRET_GENERAL" => Some(DecreeKind::General),
        "PUBLICATION_DECRET_CREATION" => Some(DecreeKind::Creation),
        "PUBLICATION_DECRET_AUTRE" => Some(DecreeKind::Other),
        _ => None,
    }
}

fn europe_level(code: &str) -> Option<u8> {
    let n: u8 = code.strip_prefix("NIV")?.parse().ok()?;
    (3..=8).contains(&n).then_some(n)
}

/// Elements that only hold other elements (their own text is whitespace).
fn is_container(p: &[&str]) -> bool {
    matches!(
        p,
        ["ABREGE"]
            | ["NOMENCLATURE_EUROPE"]
            | ["CODES_NSF"]
            | ["CODES_NSF", "NSF"]
            | ["FORMACODES"]
            | ["FORMACODES", "FORMACODE"]
            | ["CODES_ROME"]
            | ["CODES_ROME", "ROME"]
            | ["CODES_IDCC"]
            | ["CODES_IDCC", "IDCC"]
            | ["NOUVELLES_CERTIFICATIONS"]
            | ["NOUVELLES_CERTIFICATIONS", "NOUVELLE_CERTIFICATION"]
            | ["ANCIENNES_CERTIFICATIONS"]
            | ["ANCIENNES_CERTIFICATIONS", "ANCIENNE_CERTIFICATION"]
            | ["CORRESPONDANCES"]
            | ["CORRESPONDANCES", "CORRESPONDANCE"]
            | ["CORRESPONDANCES", "CORRESPONDANCE", "SOURCE"]
            | [
                "CORRESPONDANCES",
                "CORRESPONDANCE",
                "SOURCE",
                "BLOC_COMPETENCES"
            ]
            | ["CORRESPONDANCES", "CORRESPONDANCE", "DESTINATION"]
            | [
                "CORRESPONDANCES",
                "CORRESPONDANCE",
                "DESTINATION",
                "BLOC_COMPETENCES"
            ]
            | ["CERTIFICATEURS"]
            | ["CERTIFICATEURS", "CERTIFICATEUR"]
            | ["PARTENAIRES"]
            | ["PARTENAIRES", "PARTENAIRE"]
            | ["BLOCS_COMPETENCES"]
            | ["BLOCS_COMPETENCES", "BLOC_COMPETENCES"]
            | ["STATISTIQUES_PROMOTIONS"]
            | ["STATISTIQUES_PROMOTIONS", "STATISTIQUES_PROMOTION"]
            | ["ANNEES_PROMOTIONS_NIVEAU"]
    ) || matches!(p, [one] if ccn_rank(one).is_some() || Voie::from_tag(one).is_some() || decree_kind(one).is_some())
        || matches!(p, [decree, "PUBLICATION_JO"] if decree_kind(decree).is_some())
}

/// Fields holding prose or flattened lists, structured into items.
fn is_text_field(p: &[&str]) -> bool {
    matches!(
        p,
        ["ACTIVITES_VISEES"]
            | ["CAPACITES_ATTESTEES"]
            | ["SECTEURS_ACTIVITE"]
            | ["TYPE_EMPLOI_ACCESSIBLES"]
            | ["OBJECTIFS_CONTEXTE"]
            | ["REGLEMENTATIONS_ACTIVITES"]
            | ["PREREQUIS_ENTREE_FORMATION"]
            | ["PREREQUIS_VALIDATION_CERTIFICATION"]
            | ["VALIDATION_PARTIELLE_PERIMETRE"]
            | ["MODALITES_RENOUVELLEMENT"]
            | [
                "BLOCS_COMPETENCES",
                "BLOC_COMPETENCES",
                "LISTE_COMPETENCES"
                    | "MODALITES_EVALUATION"
                    | "PREREQUIS_ENTREE_FORMATION_BLOC"
                    | "PREREQUIS_VALIDATION_BLOC"
            ]
    )
}

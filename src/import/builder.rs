//! The fiche being read: one state machine over the lines, one handler per
//! section, then `finish` assembles the model.

use crate::model::normalize::{fold_str, item_key};
use crate::model::{
    Access, AccessRoute, Authority, Availability, CodeLabel, Fiche, LegalBase, Levels, MoreInfo,
    Parcours,
};

use super::access::{self, AccessLine, Territory};
use super::composantes::{self, Block};
use super::fields::{self, Level};
use super::headings::{self, Heading, LegalField, Links, MoreInfoField, Section};
use super::ids;
use super::lists::List;
use super::markers::{self, ListField};
use super::text::{Line, excerpt, squash};
use super::ue::is_ue_line;
use super::{ImportError, ImportOptions, Warning};

/// The four per-parcours lists.
#[derive(Debug, Default, Clone)]
struct Lists {
    activities: List,
    competences: List,
    sectors: List,
    jobs: List,
}

impl Lists {
    fn get(&mut self, field: ListField) -> &mut List {
        match field {
            ListField::Activities => &mut self.activities,
            ListField::Competences => &mut self.competences,
            ListField::Sectors => &mut self.sectors,
            ListField::Jobs => &mut self.jobs,
        }
    }

    fn is_empty(&self) -> bool {
        self.activities.is_empty()
            && self.competences.is_empty()
            && self.sectors.is_empty()
            && self.jobs.is_empty()
    }
}

#[derive(Debug, Clone)]
struct ParcoursDraft {
    name: String,
    lists: Lists,
}

/// Where list lines go: a named parcours (index) or the unnamed lists.
type ListTarget = (Option<usize>, ListField);

/// Everything read so far, plus the reading state.
#[derive(Debug)]
pub(crate) struct Draft {
    rncp_code: Option<String>,
    intitule: Vec<String>,
    organisations: Vec<String>,
    signatories: Vec<String>,
    first_authority_line: Option<usize>,
    levels: Levels,
    conventions: List,
    nsf: Vec<CodeLabel>,
    formacodes: Vec<CodeLabel>,
    rome: Vec<CodeLabel>,
    parcours: Vec<ParcoursDraft>,
    /// Lists opened by markers that name no parcours.
    unnamed: Lists,
    common: Block,
    /// Curriculum blocks, one per parcours (same index as `parcours`).
    blocks: Vec<Block>,
    /// Line of each parcours' curriculum block heading, for errors.
    block_lines: Vec<Option<usize>>,
    routes: Vec<AccessRoute>,
    new_caledonia: Availability,
    french_polynesia: Availability,
    validity: Vec<String>,
    related: List,
    agreements: List,
    legal: [Vec<String>; 4],
    more_info: [List; 4],

    section: Section,
    list_target: Option<ListTarget>,
    /// Parcours whose curriculum block is being read (`None`: common core).
    block: Option<usize>,
    /// The previous non-blank line was a UE line (a wrap may follow).
    after_ue: bool,
    /// The access table's territory rows have started.
    territories: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            rncp_code: None,
            intitule: Vec::new(),
            organisations: Vec::new(),
            signatories: Vec::new(),
            first_authority_line: None,
            levels: Levels::default(),
            conventions: List::default(),
            nsf: Vec::new(),
            formacodes: Vec::new(),
            rome: Vec::new(),
            parcours: Vec::new(),
            unnamed: Lists::default(),
            common: Block::default(),
            blocks: Vec::new(),
            block_lines: Vec::new(),
            routes: Vec::new(),
            new_caledonia: Availability::Unknown,
            french_polynesia: Availability::Unknown,
            validity: Vec::new(),
            related: List::default(),
            agreements: List::default(),
            legal: Default::default(),
            more_info: Default::default(),
            section: Section::Preamble,
            list_target: None,
            block: None,
            after_ue: false,
            territories: false,
        }
    }
}

/// How long title rows end after the part `headings` matches (folded); a
/// shortened ending ("…par le détenteur de ce diplôme") is accepted too.
const TITLE_ENDINGS: &[&str] = &[
    "(rncp)",
    "ou elements de competence acquis",
    "par le detenteur de ce diplome, ce titre ou ce certificat",
    "les plus proches",
    "oui non composition des jurys",
];

fn unplaced(warnings: &mut Vec<Warning>, line: &Line, why: &str) {
    warnings.push(Warning {
        line: line.no,
        message: format!("{why} ; ligne non reprise : « {} »", line.excerpt()),
    });
}

fn legal_index(field: LegalField) -> usize {
    match field {
        LegalField::General => 0,
        LegalField::Creation => 1,
        LegalField::Vae => 2,
        LegalField::Other => 3,
    }
}

fn more_info_index(field: MoreInfoField) -> usize {
    match field {
        MoreInfoField::Statistics => 0,
        MoreInfoField::OtherSources => 1,
        MoreInfoField::CertificationPlaces => 2,
        MoreInfoField::PreparationPlaces => 3,
    }
}

impl Draft {
    /// Reads one non-blank line.
    pub fn read(&mut self, line: &Line, warnings: &mut Vec<Warning>) {
        if let Some(heading) = headings::classify(line, self.section) {
            self.enter(heading, line, warnings);
            return;
        }
        let was_after_ue = std::mem::take(&mut self.after_ue);
        match self.section {
            Section::Preamble | Section::Chrome | Section::Modalites => {
                unplaced(warnings, line, "texte hors de toute rubrique reconnue")
            }
            Section::Header => unplaced(warnings, line, "texte inattendu dans l'en-tête"),
            Section::Intitule => self.intitule.push(line.text.clone()),
            Section::Authority => self.authority(line),
            Section::Levels => match fields::level(line) {
                Some(Level::Nomenclature1969(v)) => self.levels.nomenclature_1969 = Some(v),
                Some(Level::Europe(v)) => self.levels.europe = Some(v),
                None => unplaced(
                    warnings,
                    line,
                    "niveau non reconnu (« … (Nomenclature de 1969) » ou « … (Nomenclature Europe) » attendu)",
                ),
            },
            Section::Conventions => self.conventions.push(line),
            Section::Nsf | Section::Formacodes | Section::Rome => {
                self.code(line.no, &line.text, warnings)
            }
            Section::Lists => self.list_line(line, warnings),
            Section::Composantes => self.composantes(line, was_after_ue, warnings),
            Section::Validity => self.validity.push(line.text.clone()),
            Section::Access => self.access(line, warnings),
            Section::Links(Links::Related) => self.related.push(line),
            Section::Links(Links::Agreements) => self.agreements.push(line),
            Section::Links(Links::Both) => unplaced(
                warnings,
                line,
                "« Liens avec d'autres certifications » et « Accords européens ou internationaux » sont sur une seule ligne : la colonne de ce texte est perdue",
            ),
            Section::LegalBase => unplaced(
                warnings,
                line,
                "texte sous « Base légale » hors de toute référence",
            ),
            Section::Legal(field) => self.legal[legal_index(field)].push(line.text.clone()),
            Section::MoreInfo => unplaced(
                warnings,
                line,
                "texte sous « Pour plus d'informations » hors de toute rubrique",
            ),
            Section::MoreInfoList(field) => self.more_info[more_info_index(field)].push(line),
            Section::History => unplaced(
                warnings,
                line,
                "l'historique de la certification n'a pas de place dans le modèle",
            ),
        }
    }

    /// A heading: switch section and place what it carries on its line.
    fn enter(&mut self, heading: Heading, line: &Line, warnings: &mut Vec<Warning>) {
        self.section = heading.section;
        self.list_target = None;
        self.after_ue = false;
        let Some(value) = heading.value else {
            return;
        };
        match heading.section {
            Section::Header => match rncp_code(&value) {
                Some(code) => self.rncp_code = Some(code),
                None => unplaced(warnings, line, "code RNCP illisible"),
            },
            Section::Intitule => self.intitule.push(value),
            Section::Validity => self.validity.push(value),
            Section::Legal(field) => self.legal[legal_index(field)].push(value),
            Section::Conventions => self.conventions.push_text(&value, false),
            Section::Links(Links::Related) => self.related.push_text(&value, false),
            Section::Links(Links::Agreements) => self.agreements.push_text(&value, false),
            Section::MoreInfoList(field) => {
                self.more_info[more_info_index(field)].push_text(&value, false)
            }
            Section::Nsf | Section::Formacodes => self.code(line.no, &value, warnings),
            Section::Authority => {
                if fold_str(&value) != "qualite du(es) signataire(s) de la certification" {
                    unplaced(
                        warnings,
                        line,
                        "titre de colonne inattendu après « Autorité responsable de la certification »",
                    );
                }
            }
            // The rest of a long title row ("…par le détenteur de ce diplôme…",
            // "…les plus proches", "…Oui Non Composition des jurys"): part of the
            // title when it is one of the known endings; anything else is reported.
            Section::Lists | Section::Rome | Section::Access | Section::Chrome => {
                let rest = fold_str(&value);
                let rest = rest.trim_end_matches([' ', ':']);
                if !TITLE_ENDINGS.iter().any(|ending| ending.starts_with(rest)) {
                    unplaced(warnings, line, "texte inattendu à la suite du titre");
                }
            }
            _ => unplaced(warnings, line, "texte inattendu sur la ligne de titre"),
        }
    }

    fn authority(&mut self, line: &Line) {
        self.first_authority_line.get_or_insert(line.no);
        let (organisation, signatories) = fields::authority_line(line);
        self.organisations.extend(organisation);
        self.signatories.extend(signatories);
    }

    fn code(&mut self, no: usize, text: &str, warnings: &mut Vec<Warning>) {
        let Some(code) = fields::code_label(text) else {
            warnings.push(Warning {
                line: no,
                message: format!(
                    "code attendu en début de ligne (« 128 Droit… », « K1401 : … ») ; ligne non reprise : « {} »",
                    excerpt(text)
                ),
            });
            return;
        };
        match self.section {
            Section::Nsf => self.nsf.push(code),
            Section::Formacodes => self.formacodes.push(code),
            _ => self.rome.push(code),
        }
    }

    fn parcours_index(&mut self, name: &str) -> usize {
        let key = item_key(name);
        if let Some(i) = self.parcours.iter().position(|p| item_key(&p.name) == key) {
            return i;
        }
        self.parcours.push(ParcoursDraft {
            name: name.to_string(),
            lists: Lists::default(),
        });
        self.blocks.push(Block::default());
        self.block_lines.push(None);
        self.parcours.len() - 1
    }

    fn list_line(&mut self, line: &Line, warnings: &mut Vec<Warning>) {
        if let Some(marker) = markers::list_marker(line) {
            let target = marker.parcours.as_deref().map(|n| self.parcours_index(n));
            self.list_target = Some((target, marker.field));
            return;
        }
        // A curriculum line under a list means the "Descriptif des composantes"
        // title is missing: read the curriculum rather than file UEs as jobs.
        if is_ue_line(&line.text)
            || composantes::semester_heading(line).is_some()
            || (markers::block_marker(line).is_some() && markers::quoted_name(&line.text).is_some())
        {
            warnings.push(Warning {
                line: line.no,
                message: "maquette sans titre « Descriptif des composantes de la certification » : lue à partir d'ici".into(),
            });
            self.section = Section::Composantes;
            self.list_target = None;
            self.composantes(line, false, warnings);
            return;
        }
        match self.list_target {
            Some((Some(i), field)) => self.parcours[i].lists.get(field).push(line),
            Some((None, field)) => self.unnamed.get(field).push(line),
            None => unplaced(
                warnings,
                line,
                "ligne de liste avant tout titre de liste (« En suivant le parcours « … » … : », « Types d'emplois accessibles … : »…)",
            ),
        }
    }

    fn current_block(&mut self) -> &mut Block {
        match self.block {
            Some(i) => &mut self.blocks[i],
            None => &mut self.common,
        }
    }

    fn composantes(&mut self, line: &Line, after_ue: bool, warnings: &mut Vec<Warning>) {
        if is_ue_line(&line.text) {
            let no = line.no;
            self.current_block().push_ue(no, &line.text);
            self.after_ue = true;
            return;
        }
        if let Some((number, extra)) = composantes::semester_heading(line) {
            match u8::try_from(number).ok().filter(|n| (1..=12).contains(n)) {
                Some(n) => {
                    let no = line.no;
                    self.current_block().open_semester(n, no);
                    if let Some(extra) = extra {
                        warnings.push(Warning {
                            line: line.no,
                            message: format!(
                                "texte après le titre du semestre non repris : « {extra} »"
                            ),
                        });
                    }
                }
                None => {
                    self.current_block().close_semester();
                    unplaced(warnings, line, "numéro de semestre hors de 1 à 12");
                }
            }
            return;
        }
        if let Some(name) = markers::block_marker(line) {
            let i = self.parcours_index(&name);
            self.block = Some(i);
            self.block_lines[i].get_or_insert(line.no);
            return;
        }
        if after_ue && !line.after_blank && self.current_block().continue_ue(&line.text) {
            self.after_ue = true;
            return;
        }
        unplaced(
            warnings,
            line,
            "ligne ni UE, ni « Semestre N », ni « PARCOURS « … » : »",
        );
    }

    fn access(&mut self, line: &Line, warnings: &mut Vec<Warning>) {
        match access::read(line) {
            AccessLine::Route(route) if !self.territories => self.routes.push(route),
            AccessLine::ColumnTitles => self.territories = true,
            AccessLine::Territory(territory, open, extra) => {
                self.territories = true;
                match territory {
                    Territory::NewCaledonia => self.new_caledonia = open,
                    Territory::FrenchPolynesia => self.french_polynesia = open,
                }
                if let Some(extra) = extra {
                    warnings.push(Warning {
                        line: line.no,
                        message: format!("texte après la réponse non repris : « {extra} »"),
                    });
                }
            }
            AccessLine::Other if !self.territories && !self.routes.is_empty() => {
                let route = self.routes.last_mut().expect("checked non-empty");
                route.jury = Some(match route.jury.take() {
                    Some(jury) => format!("{jury} {}", line.text),
                    None => line.text.clone(),
                });
            }
            _ => unplaced(warnings, line, "ligne du tableau d'accès non reconnue"),
        }
    }

    /// Assembles the fiche. `line_count` locates errors about missing parts.
    pub fn finish(
        mut self,
        options: &ImportOptions,
        line_count: usize,
        warnings: &mut Vec<Warning>,
    ) -> Result<Fiche, ImportError> {
        let rncp_code = self.rncp_code.take().ok_or_else(|| {
            ImportError::at(
                1,
                "code RNCP introuvable (ligne « … Code RNCP : 12345 » attendue)",
            )
        })?;
        let intitule = squash(&self.intitule.join(" "));
        if intitule.is_empty() {
            return Err(ImportError::at(
                line_count.max(1),
                "intitulé introuvable (rubrique « Intitulé » suivie du titre attendue)",
            ));
        }
        if self.signatories.is_empty()
            && let Some(no) = self.first_authority_line
        {
            warnings.push(Warning {
                line: no,
                message: "aucun signataire reconnu (« M. », « Le Président »…) : toute la ligne est rangée dans les organismes".into(),
            });
        }

        // Semesters: infer missing numbers, then build.
        let mut common_blocks = vec![std::mem::take(&mut self.common)];
        composantes::infer_numbers(&mut common_blocks, 0, None, warnings);
        let common = common_blocks.pop().unwrap_or_default();
        let common_max = common.max_number();
        for i in 0..self.blocks.len() {
            composantes::infer_numbers(&mut self.blocks, i, common_max, warnings);
        }
        let mut common_semesters = composantes::build_semesters(common, warnings);
        let mut parcours_semesters: Vec<_> = std::mem::take(&mut self.blocks)
            .into_iter()
            .map(|b| composantes::build_semesters(b, warnings))
            .collect();

        // Parcours: named ones, or one implicit parcours for a fiche without.
        let mut drafts = std::mem::take(&mut self.parcours);
        if drafts.is_empty() {
            drafts.push(ParcoursDraft {
                name: implicit_name(&intitule),
                lists: std::mem::take(&mut self.unnamed),
            });
            // A single parcours has no "common core": its semesters are its own.
            parcours_semesters = vec![std::mem::take(&mut common_semesters)];
            self.block_lines = vec![None];
        } else if !self.unnamed.is_empty() {
            // Lists given once for the whole fiche apply to every parcours.
            for d in &mut drafts {
                let shared = self.unnamed.clone();
                d.lists.activities = shared
                    .activities
                    .then(std::mem::take(&mut d.lists.activities));
                d.lists.competences = shared
                    .competences
                    .then(std::mem::take(&mut d.lists.competences));
                d.lists.sectors = shared.sectors.then(std::mem::take(&mut d.lists.sectors));
                d.lists.jobs = shared.jobs.then(std::mem::take(&mut d.lists.jobs));
            }
        }
        for (i, semesters) in parcours_semesters.iter().enumerate() {
            for s in semesters {
                if common_semesters.iter().any(|c| c.number == s.number) {
                    return Err(ImportError::at(
                        self.block_lines[i].unwrap_or(1),
                        format!(
                            "parcours « {} » : le semestre {} est déjà décrit dans le tronc commun (avant le premier « PARCOURS « … » : »)",
                            drafts[i].name, s.number
                        ),
                    ));
                }
            }
        }
        let names: Vec<String> = drafts.iter().map(|d| d.name.clone()).collect();
        let known: Vec<Option<&Parcours>> = names
            .iter()
            .map(|name| {
                options
                    .reference
                    .as_ref()
                    .filter(|r| r.rncp_code == rncp_code)
                    .and_then(|r| {
                        r.parcours
                            .iter()
                            .find(|p| item_key(&p.name) == item_key(name))
                    })
            })
            .collect();
        let preset = known.iter().map(|k| k.map(|p| p.id.clone())).collect();
        let ids = ids::assign_ids(&names, preset, &options.ids)?;
        let parcours = drafts
            .into_iter()
            .zip(ids)
            .zip(parcours_semesters)
            .zip(known)
            .map(|(((d, id), semesters), known)| Parcours {
                short_name: match known {
                    Some(p) if p.id == id => p.short_name.clone(),
                    _ => Some(crate::model::ids::short_name(&d.name, &id)),
                },
                id,
                name: d.name,
                activities: d.lists.activities.finish(),
                competences: d.lists.competences.finish(),
                sectors: d.lists.sectors.finish(),
                jobs: d.lists.jobs.finish(),
                semesters,
            })
            .collect();

        let [general, creation, vae, other] = self.legal.map(|parts| {
            let joined = squash(&parts.join(" "));
            (!joined.is_empty()).then_some(joined)
        });
        let [
            statistics,
            other_sources,
            certification_places,
            preparation_places,
        ] = self.more_info.map(List::finish);
        let validity = squash(&self.validity.join(" "));
        Ok(Fiche {
            rncp_code,
            intitule,
            authority: Authority {
                organisations: self.organisations,
                signatories: self.signatories,
            },
            levels: self.levels,
            conventions: self.conventions.finish(),
            nsf: self.nsf,
            formacodes: self.formacodes,
            rome: self.rome,
            common_semesters,
            parcours,
            access: Access {
                routes: self.routes,
                new_caledonia: self.new_caledonia,
                french_polynesia: self.french_polynesia,
            },
            validity: (!validity.is_empty()).then_some(validity),
            related_certifications: self.related.finish(),
            international_agreements: self.agreements.finish(),
            legal_base: LegalBase {
                general_decree: general,
                creation_order: creation,
                vae_decree: vae,
                other,
            },
            more_info: MoreInfo {
                statistics,
                other_sources,
                certification_places,
                preparation_places,
            },
            registry: None,
        })
    }
}

/// The digits after "Code RNCP" (or the first run of digits).
fn rncp_code(text: &str) -> Option<String> {
    let key = fold_str(text);
    let from = key.find("code rncp").map_or(0, |i| i + "code rncp".len());
    let rest = &key[from..];
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    let digits: String = rest[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some(digits)
}

/// The implicit parcours of a fiche without parcours is named after the
/// certification: the intitulé after the diploma's kind, i.e. its first " : "
/// ("Licence Professionnelle : Métiers du livre : édition" → "Métiers du livre : édition").
fn implicit_name(intitule: &str) -> String {
    match intitule.split_once(" : ") {
        Some((_, name)) if !name.trim().is_empty() => name.trim().to_string(),
        _ => intitule.to_string(),
    }
}

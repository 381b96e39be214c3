//! The fiche's data model: what a RON data file holds (see `docs/data-format.md`).
//!
//! Every type denies unknown fields so that a typo in a hand-written file is an
//! error with a location, never a silently ignored line.

mod catalogue;
pub mod code_labels;
pub mod facet_table;
pub mod facets;
pub mod ids;
mod load;
pub mod normalize;
mod numero;
mod position;
pub mod progress;
pub mod registry;
mod ron_text;
pub mod sanitize;
mod sources;
mod summary;
mod validate;

pub use catalogue::{Catalogue, Duplicate, FicheId, ParcoursRef};
pub use load::{
    EMBEDDED_FICHE, EMBEDDED_NAME, LoadError, MAX_FILE_BYTES, embedded, load_catalogue, load_file,
    parse_str, read_capped,
};
pub use numero::{Numero, NumeroQuery, Repertoire, parse_numero};
pub use sanitize::{escape_for_terminal, is_forbidden};
pub use sources::{Sources, load_sources};
pub use summary::{CertifierRef, FicheSummary};

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Deserializer, Serialize};

/// One RNCP certification ("fiche").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fiche {
    /// The RNCP number, digits only ("24759").
    pub rncp_code: String,
    /// The title exactly as the fiche gives it ("MASTER : MASTER Science Politique").
    pub intitule: String,
    pub authority: Authority,
    pub levels: Levels,
    #[serde(default)]
    pub conventions: Vec<String>,
    #[serde(default)]
    pub nsf: Vec<CodeLabel>,
    #[serde(default)]
    pub formacodes: Vec<CodeLabel>,
    #[serde(default)]
    pub rome: Vec<CodeLabel>,
    /// Semesters every parcours follows (the common core, "tronc commun").
    #[serde(default)]
    pub common_semesters: Vec<Semester>,
    pub parcours: Vec<Parcours>,
    #[serde(default)]
    pub access: Access,
    /// "Validité des composantes acquises" ("illimitée"); `None` when the fiche is silent.
    #[serde(default)]
    pub validity: Option<String>,
    #[serde(default)]
    pub related_certifications: Vec<String>,
    #[serde(default)]
    pub international_agreements: Vec<String>,
    #[serde(default)]
    pub legal_base: LegalBase,
    #[serde(default)]
    pub more_info: MoreInfo,
    /// Everything France Compétences' export says of this fiche, when it came
    /// from (or was merged with) the export; `None` for a hand-written fiche.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<Box<registry::Record>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// The certifying bodies ("Université Lille 2 droit et santé").
    pub organisations: Vec<String>,
    /// "Qualité du(es) signataire(s)": who signs the diploma.
    #[serde(default)]
    pub signatories: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    /// Level in the French 1969 nomenclature ("I").
    #[serde(default)]
    pub nomenclature_1969: Option<String>,
    /// Level in the European framework ("7").
    #[serde(default)]
    pub europe: Option<String>,
}

/// A coded reference with its label: NSF, Formacode or ROME.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeLabel {
    pub code: String,
    pub label: String,
}

/// One track of the certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parcours {
    /// Stable short id used on the command line (`europe`): lowercase ASCII, digits and `-`.
    pub id: String,
    pub name: String,
    /// A word or two for narrow places ("Europe"); defaults to the id, capitalised.
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub activities: Vec<String>,
    #[serde(default)]
    pub competences: Vec<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub jobs: Vec<String>,
    /// This parcours' own semesters (the common ones live in `Fiche::common_semesters`).
    #[serde(default)]
    pub semesters: Vec<Semester>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Semester {
    /// 1-based semester number ("Semestre 3" → 3).
    pub number: u8,
    pub ues: Vec<Ue>,
}

/// A teaching unit (unité d'enseignement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ue {
    /// "UE 7".
    pub code: String,
    pub title: String,
    /// `None` when the fiche gives no ECTS for this UE. At most [`MAX_UE_ECTS`]
    /// (a larger value is a located load error).
    #[serde(default, deserialize_with = "bounded_ects")]
    pub ects: Option<u32>,
    /// Elective rule: `Some(2)` is "2 au choix" (pick 2 of the courses).
    #[serde(default)]
    pub choose: Option<u32>,
    pub courses: Vec<Course>,
}

/// The most ECTS one UE may carry; a data file above it is refused at load.
/// (A whole master is 120: anything near this bound is a typo, and the bound
/// keeps every sum of a fiche far below `u32::MAX`.)
pub const MAX_UE_ECTS: u32 = 300;

fn bounded_ects<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    let ects = Option::<u32>::deserialize(deserializer)?;
    match ects {
        Some(n) if n > MAX_UE_ECTS => Err(serde::de::Error::custom(format!(
            "ects : {n} ECTS pour une UE, au-delà du maximum de {MAX_UE_ECTS}"
        ))),
        _ => Ok(ects),
    }
}

/// A sum of ECTS over parts (UEs, semesters) some of which the fiche may not
/// give: the total of the known parts and how many parts are unknown. Shown
/// as "88" when complete, "≥ 88" when some part is unknown, "?" when no part
/// is known. Sums saturate instead of wrapping.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct EctsSum {
    /// Sum of the ECTS the fiche gives.
    pub known: u32,
    /// How many parts give no ECTS.
    pub unknown: u32,
}

impl EctsSum {
    /// One part: its ECTS, or unknown.
    pub fn of(ects: Option<u32>) -> Self {
        match ects {
            Some(known) => Self { known, unknown: 0 },
            None => Self {
                known: 0,
                unknown: 1,
            },
        }
    }

    /// The total, when every part is known.
    pub fn exact(self) -> Option<u32> {
        (self.unknown == 0).then_some(self.known)
    }

    /// True when the total is known and equals `n`.
    pub fn is(self, n: u32) -> bool {
        self.exact() == Some(n)
    }
}

impl Add for EctsSum {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            known: self.known.saturating_add(other.known),
            unknown: self.unknown.saturating_add(other.unknown),
        }
    }
}

impl AddAssign for EctsSum {
    fn add_assign(&mut self, other: Self) {
        *self = *self + other;
    }
}

impl Sum for EctsSum {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::default(), Add::add)
    }
}

/// The number alone, language-neutral: "88", "≥ 88", "?".
impl fmt::Display for EctsSum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.known, self.unknown) {
            (n, 0) => write!(f, "{n}"),
            (0, _) => f.write_str("?"),
            (n, _) => write!(f, "≥ {n}"),
        }
    }
}

/// One entry of a UE's course list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Course {
    /// A course, as titled in the fiche.
    Course(String),
    /// "A ou B": the student follows one of these.
    OneOf(Vec<String>),
    /// A course the fiche marks as optional ("Stage optionnel …").
    Optional(String),
}

/// How the certification can be obtained ("Conditions d'inscription").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Access {
    #[serde(default)]
    pub routes: Vec<AccessRoute>,
    #[serde(default)]
    pub new_caledonia: Availability,
    #[serde(default)]
    pub french_polynesia: Availability,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessRoute {
    pub kind: RouteKind,
    /// The row's wording in the fiche.
    pub label: String,
    /// Whether the route is open (the fiche's Oui/Non columns).
    #[serde(default)]
    pub open: Availability,
    /// "Composition des jurys", when the fiche gives one for this row.
    #[serde(default)]
    pub jury: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RouteKind {
    /// "Après un parcours de formation sous statut d'élève ou d'étudiant".
    Student,
    /// "En contrat d'apprentissage".
    Apprenticeship,
    /// "Après un parcours de formation continue".
    ContinuingEducation,
    /// "En contrat de professionnalisation".
    ProfessionalisationContract,
    /// "Par candidature individuelle".
    IndividualApplication,
    /// "Par expérience dispositif VAE".
    Vae,
}

/// A yes/no answer that the source may have lost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Availability {
    Yes,
    No,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBase {
    #[serde(default)]
    pub general_decree: Option<String>,
    /// "Référence arrêté création (ou date 1er arrêté enregistrement)".
    #[serde(default)]
    pub creation_order: Option<String>,
    #[serde(default)]
    pub vae_decree: Option<String>,
    #[serde(default)]
    pub other: Option<String>,
}

/// "Pour plus d'informations".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoreInfo {
    #[serde(default)]
    pub statistics: Vec<String>,
    #[serde(default)]
    pub other_sources: Vec<String>,
    #[serde(default)]
    pub certification_places: Vec<String>,
    #[serde(default)]
    pub preparation_places: Vec<String>,
}

impl Course {
    /// The titles this entry names (one, or each alternative).
    pub fn titles(&self) -> &[String] {
        match self {
            Course::Course(t) | Course::Optional(t) => std::slice::from_ref(t),
            Course::OneOf(ts) => ts,
        }
    }

    /// How the entry reads in one line: alternatives joined by " ou ".
    pub fn label(&self) -> String {
        self.titles().join(" ou ")
    }
}

impl Semester {
    /// Sum of the UEs' ECTS; UEs without ECTS make it a lower bound.
    pub fn ects_total(&self) -> EctsSum {
        self.ues.iter().map(|ue| EctsSum::of(ue.ects)).sum()
    }
}

impl Parcours {
    /// Short label for narrow places: `short_name`, or the id capitalised.
    pub fn short_label(&self) -> String {
        if let Some(short) = &self.short_name {
            return short.clone();
        }
        let mut chars = self.id.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// A semester as a student of one parcours follows it.
#[derive(Debug, Clone, Copy)]
pub struct SemesterRef<'a> {
    pub semester: &'a Semester,
    /// True for the common core shared by every parcours.
    pub common: bool,
}

impl Fiche {
    /// The fiche's number with its register (a registry fiche says which;
    /// a RON fiche is an RNCP one).
    pub fn numero(&self) -> Numero {
        match &self.registry {
            Some(record) => Numero::new(record.numero.repertoire, &record.numero.number),
            None => Numero::new(Repertoire::Rncp, &self.rncp_code),
        }
    }

    pub fn parcours_by_id(&self, id: &str) -> Option<&Parcours> {
        self.parcours.iter().find(|p| p.id == id)
    }

    /// The whole curriculum of one parcours: common semesters first, then its own, by number.
    pub fn curriculum<'a>(&'a self, parcours: &'a Parcours) -> Vec<SemesterRef<'a>> {
        let mut all: Vec<SemesterRef<'a>> = self
            .common_semesters
            .iter()
            .map(|semester| SemesterRef {
                semester,
                common: true,
            })
            .chain(parcours.semesters.iter().map(|semester| SemesterRef {
                semester,
                common: false,
            }))
            .collect();
        all.sort_by_key(|s| s.semester.number);
        all
    }

    /// Total ECTS of a parcours over all its semesters; unknown (never 0)
    /// when the fiche describes no semester, as a registry fiche without a
    /// curriculum.
    pub fn ects_total(&self, parcours: &Parcours) -> EctsSum {
        let curriculum = self.curriculum(parcours);
        if curriculum.is_empty() {
            return EctsSum::of(None);
        }
        curriculum.iter().map(|s| s.semester.ects_total()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::EctsSum;

    #[test]
    fn ects_sums_keep_unknown_parts_and_never_wrap() {
        let sum: EctsSum = [Some(20), None, Some(12)]
            .into_iter()
            .map(EctsSum::of)
            .sum();
        assert_eq!(
            sum,
            EctsSum {
                known: 32,
                unknown: 1
            }
        );
        assert_eq!(sum.to_string(), "≥ 32");
        assert_eq!(sum.exact(), None);
        assert_eq!(EctsSum::of(None).to_string(), "?");
        assert_eq!(EctsSum::of(Some(30)).to_string(), "30");
        assert!(EctsSum::of(Some(30)).is(30));
        let huge = EctsSum::of(Some(u32::MAX)) + EctsSum::of(Some(20));
        assert_eq!(huge.known, u32::MAX);
    }
}

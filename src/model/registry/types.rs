//! One `<FICHE>` of France Compétences' export, every field kept, typed where
//! the export types it (see `docs/registry.md` for the tag of each field).
//!
//! No field is skipped when serializing: the cache uses a non-self-describing
//! binary format (postcard), where a skipped field would shift every later one.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::text::Text;

pub use crate::model::Repertoire;

/// A fiche number (`NUMERO_FICHE`): "RNCP34762" is `{ Rncp, "34762" }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numero {
    pub repertoire: Repertoire,
    /// The digits, leading zeros kept.
    pub number: String,
}

impl Numero {
    /// Parses "RNCP34762" / "RS5000" with `model::parse_numero`, the one
    /// parser of numbers; the export always names the répertoire.
    pub fn parse(text: &str) -> Option<Numero> {
        let query = crate::model::parse_numero(text)?;
        Some(Numero {
            repertoire: query.repertoire?,
            number: query.digits,
        })
    }
}

impl fmt::Display for Numero {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.repertoire.prefix(), self.number)
    }
}

/// A code with its label (`ABREGE`, `NSF`, `FORMACODE`, `ROME`, `IDCC`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coded {
    pub code: String,
    pub label: String,
}

/// `NOMENCLATURE_EUROPE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EuropeLevel {
    /// 3..=8 from `NIV3`…`NIV8`; `None` for `AUCUN`.
    pub level: Option<u8>,
    /// `NIVEAU` as written (`NIV7`, `AUCUN`).
    pub code: String,
    /// `LIBELLE` ("Niveau 7").
    pub label: Option<String>,
}

/// `CCN_1`, `CCN_2`, `CCN_3`: a collective agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Convention {
    /// 1, 2 or 3 (the tag's suffix).
    pub rank: u8,
    pub number: Option<String>,
    pub label: Option<String>,
}

/// The dates of a fiche's registration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// `DATE_EFFET`.
    pub effect: Option<Date>,
    /// `DATE_FIN_ENREGISTREMENT`.
    pub end_of_registration: Option<Date>,
    /// `DATE_DECISION`.
    pub decision: Option<Date>,
    /// `DATE_DERNIER_JO`.
    pub last_official_journal: Option<Date>,
    /// `DATE_DE_PUBLICATION`.
    pub publication: Option<Date>,
    /// `DATE_LIMITE_DELIVRANCE`.
    pub delivery_deadline: Option<Date>,
}

/// `CORRESPONDANCE`: blocs of this fiche equivalent to blocs of another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correspondence {
    /// `SOURCE/BLOC_COMPETENCES/CODE`.
    pub source_blocs: Vec<String>,
    /// `DESTINATION/NUMERO_FICHE` (may be absent from the data).
    pub destination: Option<Numero>,
    /// `DESTINATION/BLOC_COMPETENCES/CODE`.
    pub destination_blocs: Vec<String>,
}

/// `CERTIFICATEUR`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certifier {
    /// `SIRET_CERTIFICATEUR` (absent on many ministries).
    pub siret: Option<String>,
    /// `NOM_CERTIFICATEUR`.
    pub name: String,
    /// `NOM_COMMERCIAL`.
    pub trade_name: Option<String>,
    /// `ETAT_CERTIFICATEUR` ("Actif", "Inactif").
    pub state: Option<String>,
    /// `DATE_DERNIERE_MODIFICATION_ETAT`.
    pub state_changed: Option<Date>,
    /// `SITE_INTERNET`.
    pub website: Option<String>,
}

/// `HABILITATION_PARTENAIRE`: what a partner is allowed to do.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Habilitation {
    /// `HABILITATION_ORGA_FORM`: train and organise the assessment.
    TrainAndAssess,
    /// `HABILITATION_FORMER`: train only.
    Train,
    /// `HABILITATION_ORGANISER`: organise the assessment only.
    Assess,
    /// Any other value, kept as written.
    Other(String),
}

impl Habilitation {
    pub fn parse(text: &str) -> Habilitation {
        match text {
            "HABILITATION_ORGA_FORM" => Habilitation::TrainAndAssess,
            "HABILITATION_FORMER" => Habilitation::Train,
            "HABILITATION_ORGANISER" => Habilitation::Assess,
            other => Habilitation::Other(other.to_string()),
        }
    }
}

/// `PARTENAIRE`: an organisation habilitated by the certifier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// `NOM_PARTENAIRE`.
    pub name: String,
    /// `SIRET_PARTENAIRE`.
    pub siret: Option<String>,
    /// `HABILITATION_PARTENAIRE`.
    pub habilitation: Option<Habilitation>,
    /// `ETAT_HABILITATION` ("Actif", "Inactif", "Supprimé").
    pub state: Option<String>,
    /// `DATE_ACTIF`.
    pub active_since: Option<Date>,
    /// `DATE_DERNIERE_MODIFICATION_ETAT`.
    pub state_changed: Option<Date>,
}

/// `BLOC_COMPETENCES`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bloc {
    /// `CODE` ("RNCP34762BC01").
    pub code: String,
    /// `LIBELLE`.
    pub label: String,
    /// `LISTE_COMPETENCES`, structured.
    pub competences: Option<Text>,
    /// `MODALITES_EVALUATION`.
    pub assessment: Option<Text>,
    /// `PREREQUIS_ENTREE_FORMATION_BLOC`.
    pub entry_prerequisites: Option<Text>,
    /// `PREREQUIS_VALIDATION_BLOC`.
    pub validation_prerequisites: Option<Text>,
}

/// The six `SI_JURY_*` access routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Voie {
    /// `SI_JURY_FI`: initial training (student).
    Fi,
    /// `SI_JURY_CA`: apprenticeship contract.
    Ca,
    /// `SI_JURY_FC`: continuing education.
    Fc,
    /// `SI_JURY_CQ`: professionalisation contract.
    Cq,
    /// `SI_JURY_CL`: individual application.
    Cl,
    /// `SI_JURY_VAE`: validation of experience.
    Vae,
}

impl Voie {
    pub const ALL: [Voie; 6] = [Voie::Fi, Voie::Ca, Voie::Fc, Voie::Cq, Voie::Cl, Voie::Vae];

    pub fn tag(self) -> &'static str {
        match self {
            Voie::Fi => "SI_JURY_FI",
            Voie::Ca => "SI_JURY_CA",
            Voie::Fc => "SI_JURY_FC",
            Voie::Cq => "SI_JURY_CQ",
            Voie::Cl => "SI_JURY_CL",
            Voie::Vae => "SI_JURY_VAE",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Voie> {
        Voie::ALL.into_iter().find(|v| v.tag() == tag)
    }
}

/// One `SI_JURY_*` element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jury {
    pub route: Voie,
    /// `ACTIF` (Oui/Non).
    pub open: Option<bool>,
    /// `COMPOSITION`.
    pub composition: Option<String>,
    /// `DATE_DERNIERE_MODIFICATION`.
    pub changed: Option<Date>,
}

/// Which `PUBLICATION_DECRET_*` a publication comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecreeKind {
    /// `PUBLICATION_DECRET_GENERAL`.
    General,
    /// `PUBLICATION_DECRET_CREATION`.
    Creation,
    /// `PUBLICATION_DECRET_AUTRE`.
    Other,
}

/// One `PUBLICATION_JO` (title + date in the Journal officiel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub kind: DecreeKind,
    /// `TITRE`.
    pub title: Option<String>,
    /// `DATE_PUBLICATION_JO`.
    pub date: Option<Date>,
}

/// One `STATISTIQUES_PROMOTION`. Unknown values stay `None`, never 0.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Promotion {
    /// `ANNEE`.
    pub year: Option<u16>,
    /// `NOMBRE_CERTIFIES`.
    pub certified: Option<u32>,
    /// `NOMBRE_CERTIFIES_VAE`.
    pub certified_vae: Option<u32>,
    /// `TAUX_INSERTION_GLOBAL_6MOIS`, in percent.
    pub insertion_6_months: Option<u32>,
    /// `TAUX_INSERTION_METIER_2ANS`, in percent.
    pub insertion_2_years: Option<u32>,
}

/// A tag the reader does not know, kept with its path under `FICHE` and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extra {
    /// "CERTIFICATEURS/CERTIFICATEUR/NOUVELLE_BALISE".
    pub path: String,
    pub text: String,
}

/// Every field of one `<FICHE>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// `ID_FICHE`: France Compétences' technical id.
    pub id: Option<String>,
    /// `NUMERO_FICHE`.
    pub numero: Numero,
    /// `INTITULE`.
    pub intitule: String,
    /// `ABREGE` (`CODE`, `LIBELLE`): the kind of diploma ("DipViGrM").
    pub abbreviation: Option<Coded>,
    /// `ETAT_FICHE` ("Publiée").
    pub state: Option<String>,
    /// `ACTIF` (Oui/Non): the registration is in force.
    pub active: Option<bool>,
    /// `TYPE_ENREGISTREMENT` ("Enregistrement de droit").
    pub registration_kind: Option<String>,
    /// `NOMENCLATURE_EUROPE`; absent on RS fiches.
    pub europe_level: Option<EuropeLevel>,
    /// `CODES_NSF/NSF`.
    pub nsf: Vec<Coded>,
    /// `FORMACODES/FORMACODE`.
    pub formacodes: Vec<Coded>,
    /// `CODES_ROME/ROME`.
    pub rome: Vec<Coded>,
    /// `CODES_IDCC/IDCC`.
    pub idcc: Vec<Coded>,
    /// `CCN_1`…`CCN_3`.
    pub conventions: Vec<Convention>,
    /// `VALIDATION_PARTIELLE` (Oui/Non).
    pub partial_validation: Option<bool>,
    /// `VALIDATION_PARTIELLE_PERIMETRE`.
    pub partial_validation_scope: Option<Text>,
    /// `NIVEAU_MAITRISE_COMPETENCES`.
    pub mastery_level: Option<String>,
    pub dates: Dates,
    /// `DUREE_ENREGISTREMENT`, in years.
    pub registration_years: Option<u32>,
    /// `DUREE_VALIDITE`.
    pub validity: Option<String>,
    /// `MODALITES_RENOUVELLEMENT`.
    pub renewal: Option<Text>,
    /// `NOUVELLES_CERTIFICATIONS`: the fiches replacing this one.
    pub replaced_by: Vec<Numero>,
    /// `ANCIENNES_CERTIFICATIONS`: the fiches this one replaces.
    pub replaces: Vec<Numero>,
    /// `CORRESPONDANCES`.
    pub correspondences: Vec<Correspondence>,
    /// `CERTIFICATEURS`.
    pub certifiers: Vec<Certifier>,
    /// `EXISTENCE_PARTENAIRES` (Oui/Non).
    pub has_partners: Option<bool>,
    /// `PARTENAIRES`.
    pub partners: Vec<Partner>,
    /// `ACTIVITES_VISEES`.
    pub activities: Option<Text>,
    /// `CAPACITES_ATTESTEES`.
    pub capacities: Option<Text>,
    /// `SECTEURS_ACTIVITE`.
    pub sectors: Option<Text>,
    /// `TYPE_EMPLOI_ACCESSIBLES`.
    pub jobs: Option<Text>,
    /// `OBJECTIFS_CONTEXTE`.
    pub objectives: Option<Text>,
    /// `REGLEMENTATIONS_ACTIVITES`.
    pub regulations: Option<Text>,
    /// `PREREQUIS_ENTREE_FORMATION`.
    pub entry_prerequisites: Option<Text>,
    /// `PREREQUIS_VALIDATION_CERTIFICATION`.
    pub validation_prerequisites: Option<Text>,
    /// `BLOCS_COMPETENCES`.
    pub blocs: Vec<Bloc>,
    /// `LIEN_URL_DESCRIPTION`.
    pub description_url: Option<String>,
    /// `SI_JURY_*`, in the export's order.
    pub juries: Vec<Jury>,
    /// `ACCESSIBLE_NOUVELLE_CALEDONIE` (Oui/Non).
    pub new_caledonia: Option<bool>,
    /// `ACCESSIBLE_POLYNESIE_FRANCAISE` (Oui/Non).
    pub french_polynesia: Option<bool>,
    /// `PUBLICATION_DECRET_*`.
    pub publications: Vec<Publication>,
    /// `STATISTIQUES_PROMOTIONS`.
    pub promotions: Vec<Promotion>,
    /// `ANNEES_PROMOTIONS_NIVEAU/ANNEE`.
    pub level_years: Vec<u16>,
    /// Tags this reader does not know, kept as found.
    pub extra: Vec<Extra>,
}

impl Record {
    /// A record with only its number and title (the rest empty), for building.
    pub fn new(numero: Numero, intitule: String) -> Record {
        Record {
            id: None,
            numero,
            intitule,
            abbreviation: None,
            state: None,
            active: None,
            registration_kind: None,
            europe_level: None,
            nsf: Vec::new(),
            formacodes: Vec::new(),
            rome: Vec::new(),
            idcc: Vec::new(),
            conventions: Vec::new(),
            partial_validation: None,
            partial_validation_scope: None,
            mastery_level: None,
            dates: Dates::default(),
            registration_years: None,
            validity: None,
            renewal: None,
            replaced_by: Vec::new(),
            replaces: Vec::new(),
            correspondences: Vec::new(),
            certifiers: Vec::new(),
            has_partners: None,
            partners: Vec::new(),
            activities: None,
            capacities: None,
            sectors: None,
            jobs: None,
            objectives: None,
            regulations: None,
            entry_prerequisites: None,
            validation_prerequisites: None,
            blocs: Vec::new(),
            description_url: None,
            juries: Vec::new(),
            new_caledonia: None,
            french_polynesia: None,
            publications: Vec::new(),
            promotions: Vec::new(),
            level_years: Vec::new(),
            extra: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_split_into_repertoire_and_digits() {
        let n = Numero::parse("RNCP34762").unwrap();
        assert_eq!(
            (n.repertoire, n.number.as_str()),
            (Repertoire::Rncp, "34762")
        );
        assert_eq!(n.to_string(), "RNCP34762");
        assert_eq!(Numero::parse("rs 5000").unwrap().to_string(), "RS5000");
        for bad in ["", "RNCP", "34762", "RNCPx1", "XX12"] {
            assert_eq!(Numero::parse(bad), None, "{bad}");
        }
    }
}

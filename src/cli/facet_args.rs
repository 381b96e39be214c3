//! The facet flags `list` and `search` share (`--level`, `--repertoire`,
//! `--nsf`, `--rome`, `--certifier`, `--all`), turned into `model::facets::Facets`.

use clap::{Args, ValueEnum};

use rncp_explorer::model::Repertoire;
use rncp_explorer::model::facets::Facets;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RepertoireArg {
    /// Répertoire national des certifications professionnelles.
    Rncp,
    /// Répertoire spécifique.
    Rs,
}

#[derive(Debug, Clone, Default, Args)]
pub struct FacetArgs {
    /// Niveau européen (3 à 8 ; 1 à 8 acceptés).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=8))]
    pub level: Option<u8>,
    /// Répertoire : rncp ou rs.
    #[arg(long, value_enum, value_name = "REPERTOIRE")]
    pub repertoire: Option<RepertoireArg>,
    /// Code NSF ou son début (« 31 » garde 310, 312, 313…).
    #[arg(long, value_name = "CODE")]
    pub nsf: Option<String>,
    /// Code ROME ou son début (« M18 »).
    #[arg(long, value_name = "CODE")]
    pub rome: Option<String>,
    /// Certificateur : partie du nom (sans accents) ou début du SIRET / SIREN.
    #[arg(long, value_name = "TEXTE")]
    pub certifier: Option<String>,
    /// Inclure les fiches inactives (par défaut : actives seulement).
    #[arg(long)]
    pub all: bool,
}

impl FacetArgs {
    pub fn facets(&self) -> Facets {
        Facets {
            repertoire: self.repertoire.map(|r| match r {
                RepertoireArg::Rncp => Repertoire::Rncp,
                RepertoireArg::Rs => Repertoire::Rs,
            }),
            level: self.level,
            include_inactive: self.all,
            nsf: self.nsf.clone(),
            rome: self.rome.clone(),
            certifier: self.certifier.clone(),
        }
    }
}

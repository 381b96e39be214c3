//! What a search result is (job, competence…) and the kind filter the TUI cycles with Tab.

use serde::Serialize;

/// The kind of a searchable item: a parcours' lists and curriculum
/// ([`Kind::ALL`], the kind filter cycle's order), then the
/// certification-level items ([`Kind::FICHE_LEVEL`]). The ranking priority
/// on equal scores is [`Kind::priority`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Job,
    Competence,
    Activity,
    Sector,
    Ue,
    Course,
    /// The fiche's intitulé.
    Title,
    /// The kind of diploma (`ABREGE`'s label: "Brevet de technicien supérieur").
    Abbreviation,
    /// A bloc de compétences' libellé.
    Bloc,
    /// A ROME code's label ("Études et développement informatique").
    Rome,
    /// A certifier's name.
    Certifier,
}

impl Kind {
    /// The kinds of a parcours' lists and curriculum, in the order
    /// [`Filter::cycle`] visits them.
    pub const ALL: [Kind; 6] = [
        Kind::Job,
        Kind::Competence,
        Kind::Activity,
        Kind::Sector,
        Kind::Ue,
        Kind::Course,
    ];

    /// The kinds that belong to the certification as a whole.
    pub const FICHE_LEVEL: [Kind; 5] = [
        Kind::Title,
        Kind::Abbreviation,
        Kind::Bloc,
        Kind::Rome,
        Kind::Certifier,
    ];

    /// Every kind: [`Kind::ALL`] then [`Kind::FICHE_LEVEL`].
    pub const EVERY: [Kind; 11] = [
        Kind::Job,
        Kind::Competence,
        Kind::Activity,
        Kind::Sector,
        Kind::Ue,
        Kind::Course,
        Kind::Title,
        Kind::Abbreviation,
        Kind::Bloc,
        Kind::Rome,
        Kind::Certifier,
    ];

    /// Position in [`Kind::EVERY`] (the declaration order).
    pub(crate) fn ordinal(self) -> usize {
        self as usize
    }

    /// The kind at position `i` of [`Kind::EVERY`] (`ordinal`'s inverse).
    #[inline]
    pub(crate) fn from_ordinal(i: usize) -> Kind {
        Kind::EVERY[i]
    }

    /// Kinds that belong to the fiche as a whole rather than to a parcours.
    pub fn is_fiche_level(self) -> bool {
        Kind::FICHE_LEVEL.contains(&self)
    }

    /// The badge shown next to a result ("Emploi").
    pub fn badge(self) -> &'static str {
        match self {
            Kind::Job => "Emploi",
            Kind::Competence => "Compétence",
            Kind::Activity => "Activité",
            Kind::Sector => "Secteur",
            Kind::Ue => "UE",
            Kind::Course => "Cours",
            Kind::Title => "Intitulé",
            Kind::Abbreviation => "Diplôme",
            Kind::Bloc => "Bloc",
            Kind::Rome => "ROME",
            Kind::Certifier => "Certificateur",
        }
    }

    /// The plural used by the filter label ("Emplois").
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Job => "Emplois",
            Kind::Competence => "Compétences",
            Kind::Activity => "Activités",
            Kind::Sector => "Secteurs",
            Kind::Ue => "UE",
            Kind::Course => "Cours",
            Kind::Title => "Intitulés",
            Kind::Abbreviation => "Diplômes",
            Kind::Bloc => "Blocs",
            Kind::Rome => "ROME",
            Kind::Certifier => "Certificateurs",
        }
    }

    /// The stable machine name (command line `--kind`, JSON `kind`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Job => "job",
            Kind::Competence => "competence",
            Kind::Activity => "activity",
            Kind::Sector => "sector",
            Kind::Ue => "ue",
            Kind::Course => "course",
            Kind::Title => "title",
            Kind::Abbreviation => "abbreviation",
            Kind::Bloc => "bloc",
            Kind::Rome => "rome",
            Kind::Certifier => "certifier",
        }
    }

    /// The kind a machine name names (`name`'s inverse).
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::EVERY.into_iter().find(|k| k.name() == name)
    }

    /// Ranking priority on equal scores: lower comes first. What names the
    /// certification (its intitulé, its diploma) before the jobs it leads
    /// to, then competences, then the rest; the parcours' kinds keep their
    /// order among themselves (declaration order).
    pub(crate) fn priority(self) -> u8 {
        match self {
            Kind::Title => 0,
            Kind::Abbreviation => 1,
            Kind::Job => 2,
            Kind::Bloc => 3,
            Kind::Rome => 4,
            Kind::Competence => 5,
            Kind::Activity => 6,
            Kind::Sector => 7,
            Kind::Ue => 8,
            Kind::Course => 9,
            Kind::Certifier => 10,
        }
    }

    /// How much a match in this kind of item counts towards its
    /// certification's rank: what names the certification weighs most, then
    /// what it leads to (jobs, blocs, ROME labels), then what it teaches,
    /// then the context (sectors, certifiers).
    pub fn weight(self) -> u32 {
        match self {
            Kind::Title => 10,
            Kind::Abbreviation => 8,
            Kind::Job | Kind::Bloc | Kind::Rome => 6,
            Kind::Competence | Kind::Ue => 4,
            Kind::Activity | Kind::Course => 3,
            Kind::Sector | Kind::Certifier => 2,
        }
    }
}

/// Which kinds a query looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Filter {
    #[default]
    All,
    Only(Kind),
}

impl Filter {
    /// The next filter in the Tab cycle: Tout → Emplois → Compétences →
    /// Activités → Secteurs → UE → Cours → Tout ([`Kind::ALL`]).
    pub fn cycle(self) -> Filter {
        self.cycle_in(&Kind::ALL)
    }

    /// The filter before this one in the `cycle` order (Maj-Tab).
    pub fn cycle_back(self) -> Filter {
        self.cycle_back_in(&Kind::ALL)
    }

    /// The next filter in a cycle over `kinds` (e.g. `SearchIndex::kinds`,
    /// the kinds an index holds): Tout, each of `kinds`, Tout. A filter on a
    /// kind not in `kinds` goes back to Tout.
    pub fn cycle_in(self, kinds: &[Kind]) -> Filter {
        match self {
            Filter::All => kinds.first().map_or(Filter::All, |k| Filter::Only(*k)),
            Filter::Only(kind) => match kinds.iter().position(|k| *k == kind) {
                Some(i) if i + 1 < kinds.len() => Filter::Only(kinds[i + 1]),
                _ => Filter::All,
            },
        }
    }

    /// The filter before this one in the `cycle_in(kinds)` order.
    pub fn cycle_back_in(self, kinds: &[Kind]) -> Filter {
        match self {
            Filter::All => kinds.last().map_or(Filter::All, |k| Filter::Only(*k)),
            Filter::Only(kind) => match kinds.iter().position(|k| *k == kind) {
                Some(i) if i > 0 => Filter::Only(kinds[i - 1]),
                _ => Filter::All,
            },
        }
    }

    /// The label shown in the popup ("Tout", "Emplois"…).
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "Tout",
            Filter::Only(kind) => kind.plural(),
        }
    }

    pub fn accepts(self, kind: Kind) -> bool {
        match self {
            Filter::All => true,
            Filter::Only(k) => k == kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_cycle_visits_every_kind_once_then_returns_to_all() {
        let mut filter = Filter::All;
        let mut labels = vec![filter.label()];
        for _ in 0..Kind::ALL.len() + 1 {
            filter = filter.cycle();
            labels.push(filter.label());
        }
        assert_eq!(
            labels,
            [
                "Tout",
                "Emplois",
                "Compétences",
                "Activités",
                "Secteurs",
                "UE",
                "Cours",
                "Tout"
            ]
        );
    }

    #[test]
    fn jobs_outrank_competences_which_outrank_the_rest() {
        assert!(Kind::Job.priority() < Kind::Competence.priority());
        assert!(Kind::Competence.priority() < Kind::Activity.priority());
        assert!(Kind::Competence.priority() < Kind::Course.priority());
        assert!(Kind::Title.priority() < Kind::Job.priority());
    }

    #[test]
    fn a_cycle_over_given_kinds_visits_them_and_wraps() {
        let kinds = [Kind::Title, Kind::Job];
        let forward: Vec<Filter> = std::iter::successors(Some(Filter::All), |f| {
            Some(f.cycle_in(&kinds)).filter(|f| *f != Filter::All)
        })
        .collect();
        assert_eq!(
            forward,
            [
                Filter::All,
                Filter::Only(Kind::Title),
                Filter::Only(Kind::Job)
            ]
        );
        assert_eq!(Filter::All.cycle_back_in(&kinds), Filter::Only(Kind::Job));
        assert_eq!(Filter::Only(Kind::Bloc).cycle_in(&kinds), Filter::All);
        assert_eq!(Filter::All.cycle_in(&[]), Filter::All);
    }

    #[test]
    fn names_round_trip_and_weights_follow_the_issue() {
        for kind in Kind::EVERY {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
        }
        assert!(Kind::Title.weight() > Kind::Job.weight());
        assert_eq!(Kind::Job.weight(), Kind::Bloc.weight());
        assert!(Kind::Job.weight() > Kind::Activity.weight());
        assert!(Kind::Activity.weight() > Kind::Sector.weight());
    }
}

//! Texts of the search popup beyond its first version: the index being
//! built, certification mode, the counts of fiches.

/// In the results area while the index is built (a large catalogue).
pub const SEARCH_INDEXING: &str =
    "Index de recherche en construction… la requête partira dès qu'il sera prêt.";
/// In place of the count while the index is built.
pub const SEARCH_INDEXING_SHORT: &str = "indexation…";

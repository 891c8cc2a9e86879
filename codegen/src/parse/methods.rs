//! The Methods table: rows whose first cell links to an API method page (`../api/x-list.md`).
//!
//! Recognised by its links, not by its heading or header words (which are translated): any
//! table row whose first cell links into an `api/` folder is a method row. The schema stage
//! reads these rows as evidence that the type is addressable (an entity) and as the English
//! names of its navigation properties (`accessreview-list-decisions` → `decisions`).

use super::markdown::{Inline, Table};
use super::page::{page_links, LinkRef};

/// One row of a Methods table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodRow {
    /// The lowercase file stem of the API page the first cell links to
    /// (`accesspackage-list-accesspackageresourcerolescopes`).
    pub api_page: String,
    /// The first cell's text (the method's name, often translated; may hold English
    /// identifiers).
    pub text: String,
    /// The links to resource pages in the row's other cells (the return type).
    pub links: Vec<LinkRef>,
    /// 1-based line of the row.
    pub line: u32,
}

/// The lowercase stem of an API method page a link destination points to: a file in an `api`
/// folder (`../api/user-get.md`, `/graph/api/user-get?view=graph-rest-beta`); `None` otherwise.
pub(super) fn api_page_of(dest: &str) -> Option<String> {
    let path = dest.trim().split(['#', '?']).next().unwrap_or("");
    let lower = path.to_ascii_lowercase();
    let (dir, file) = lower.rsplit_once('/')?;
    if dir.rsplit('/').next() != Some("api") {
        return None;
    }
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let plausible = !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    plausible.then(|| stem.to_owned())
}

/// The method rows of `table`: the rows whose first cell links to an API page.
pub(super) fn method_rows(table: &Table) -> Vec<MethodRow> {
    table
        .rows
        .iter()
        .filter_map(|row| {
            let first: &Inline = row.first()?;
            let api_page = first.links.iter().find_map(|l| api_page_of(&l.dest))?;
            let links = row.iter().skip(1).flat_map(page_links).collect();
            Some(MethodRow {
                api_page,
                text: first.text.clone(),
                links,
                line: first.line,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::api_page_of;
    use crate::parse::parse_page;

    #[test]
    fn api_pages_are_files_in_an_api_folder() {
        assert_eq!(
            api_page_of("../api/AccessReview-List-Decisions.md").as_deref(),
            Some("accessreview-list-decisions")
        );
        assert_eq!(
            api_page_of("/graph/api/user-get?view=graph-rest-beta").as_deref(),
            Some("user-get")
        );
        assert_eq!(api_page_of("user.md"), None);
        assert_eq!(api_page_of("../resources/api.md"), None);
        assert_eq!(api_page_of("https://example.com/api/"), None);
    }

    #[test]
    fn method_rows_are_found_by_their_links_in_any_language() {
        let text = "# x\n\n## <a name=\"methods\"></a>Методы\n\n|Метод|Возвращаемый тип|Описание|\n|:-|:-|:-|\n|[Список решений](../api/accessreview-list-decisions.md)|Коллекция [accessReviewDecision](accessreviewdecision.md)|x|\n|Нет ссылки|x|x|\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|[x](../api/not-a-method.md)|\n";
        let page = parse_page("accessreview.md", text);
        assert_eq!(page.methods.len(), 1);
        let row = &page.methods[0];
        assert_eq!(row.api_page, "accessreview-list-decisions");
        assert_eq!(row.links[0].target.stem(), Some("accessreviewdecision"));
        assert_eq!(row.line, 7);
    }
}

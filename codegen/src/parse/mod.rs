//! Stage 1: Markdown pages → [`Page`]s.
//!
//! `markdown` turns pulldown-cmark events into located blocks, after `raw_tables` has mended
//! the table rows it would misread; `page` reads those blocks as a docs page, handing each
//! piece to the module that knows it: the front matter, the resource annotation, the JSON block
//! (`json_block`), the property and members tables, the Methods table's links (`methods`), and
//! the intro (namespace, inheritance sentence, description). `type_cell` and `locale` are the
//! small grammars they use. `lexicon` holds a tree's words beyond the seed, which `learn` (with
//! `learn_names` and the JSON votes of `placeholder`) finds over all pages; the schema stage
//! re-reads each page with them ([`Lexicon::revise`]).

mod annotation;
mod front_matter;
mod intro;
pub(crate) mod json_block;
mod json_value;
mod learn;
mod learn_names;
mod lexicon;
pub(crate) mod locale;
mod markdown;
mod methods;
pub(crate) mod page;
mod placeholder;
mod raw_tables;
mod tables;
mod type_cell;

pub use front_matter::FrontMatter;
pub use json_value::{Entries, JsonObject, JsonValue};
pub use lexicon::Lexicon;
pub use methods::MethodRow;
pub use page::{
    parse_page, Annotation, EnumTable, JsonBlock, LinkRef, LinkedPhrase, MemberRow, Page,
    PageClass, PropertyRow,
};
pub use type_cell::{Target, TypeCell, TypeSpec};

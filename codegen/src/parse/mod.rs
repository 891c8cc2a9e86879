//! Stage 1: Markdown pages → [`Page`]s.
//!
//! [`markdown`] turns pulldown-cmark events into located blocks, after [`raw_tables`] has mended
//! the table rows it would misread; [`page`] reads those blocks as
//! a docs page (annotation, JSON block, inheritance sentence, property and members tables);
//! [`type_cell`], [`json_block`] and [`locale`] are the small grammars it uses.

pub mod json_block;
pub mod locale;
pub mod markdown;
pub mod page;
pub mod raw_tables;
pub mod type_cell;

pub use page::{
    parse_page, Annotation, EnumTable, JsonBlock, LinkRef, MemberRow, Page, PageClass, PropertyRow,
};
pub use type_cell::{Target, TypeCell, TypeSpec};

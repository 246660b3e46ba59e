// compose/handout — printed handouts: each slide beside its speaker notes,
// in a layout read at run time from layouts/NAME.handout; n-up grids;
// the speaker's script (--notes-only); the pdfpc presenter file.
//
// The slide is placed by reference (the PDF draws its layers, vector, text
// selectable) and scaled into its box. The notes are laid out by layout's
// flow engine (layout_flow) in the notes style (layouts/notes.css, apart
// from the slide theme) at the width of their box; what does not fit is
// split between two line boxes (DisplayList::bands) and continues in the
// next cell, never cut and never shrunk.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compose/page.h"
#include "style/style.h"
#include "text/shaper.h"

namespace deckpdf::compose {

// A paper size, portrait, in pt.
struct Paper {
  std::string name = "A4";
  float width = 595.276f, height = 841.890f;
};

// "a4" or "letter" (any case). Returns false for anything else.
bool paper_parse(std::string_view text, Paper& out);

// The paper the locale prints on, as glibc's LC_PAPER does: Letter in the
// US, Canada, Mexico, Chile, Colombia, Costa Rica, Guatemala, Panama, the
// Philippines, Puerto Rico, El Salvador, Venezuela, Nicaragua and the
// Dominican Republic; A4 elsewhere. The locale is the first non-empty of
// LC_ALL, LC_PAPER and LANG ("en_US.UTF-8"); none or "C" give A4.
Paper paper_from_locale(const char* lc_all, const char* lc_paper, const char* lang);

// A box inside a cell: each value a fraction of the cell's width or height,
// or (when the matching `mm` flag is set) millimetres.
struct CellBox {
  float x = 0, y = 0, width = 1, height = 1;
  bool x_mm = false, y_mm = false, width_mm = false, height_mm = false;
};

// A handout layout, as a layouts/*.handout file gives it (the keys are
// described in layouts/notes-right.handout). Lengths in mm.
struct HandoutLayout {
  std::string name;
  bool landscape = false;  // paper: landscape
  float margin_top = 12, margin_right = 12, margin_bottom = 12, margin_left = 12;
  float header = 8, footer = 7;  // 0: none
  int columns = 1, rows = 1;     // grid: 1x3
  float gap = 6;                 // between cells
  CellBox slide;                 // the slide's box
  bool slide_center = false;     // slide-align: center
  std::optional<CellBox> notes;  // none: no notes (n-up)
  bool ruled = false;            // lines to write on, not notes
  float rule_gap = 8;
};

// Parses a layout file. Returns false with `error` ("3: ..." with the line
// number) at the first line it cannot read.
bool handout_layout_parse(std::string_view text, HandoutLayout& out, std::string& error);

// Loads `name_or_path`: a file when it holds a '/' or ends in ".handout",
// else layouts_dir/NAME.handout.
std::optional<HandoutLayout> handout_layout_load(const std::string& layouts_dir,
                                                 const std::string& name_or_path,
                                                 std::string& error);

// What the notes are laid out with.
struct NotesContext {
  const dom::Document& doc;
  const style::Theme& theme;  // layouts/notes.css
  text::Shaper& shaper;
  Diagnostics& diags;
  std::string deck_dir = ".";  // pictures in notes are looked up here
};

struct HandoutOptions {
  Paper paper;
  std::string title;           // the page header; "" = none
  std::vector<size_t> slides;  // the slides to print (0-based); empty = all
  bool notes_only = false;     // the speaker's script: headings and notes, flowing
};

// The pages of a handout and the display lists they show besides the
// slides' own (notes pieces, headers, frames). Pages point into `lists`,
// which must live as long as they do (a deque: moving it keeps them valid).
struct Handout {
  std::vector<Page> pages;
  std::deque<layout::DisplayList> lists;
};

// A handout in `layout`: slides (laid out as for the slides mode, print
// state) with their notes.
Handout compose_handout(const deck::Deck& deck, const std::vector<layout::DisplayList>& slides,
                        const HandoutLayout& layout, NotesContext& notes,
                        const HandoutOptions& options);

// Where a flow is split to fit boxes `first` high (the first piece) and
// `rest` high (every later one): the pieces' [top, bottom) in list space,
// each ending at a line box's bottom. A piece holds at least one line box,
// so a single one taller than the box makes a piece taller than the box.
// An empty flow gives one piece [0, height).
struct FlowPiece {
  float top = 0, bottom = 0;
};
std::vector<FlowPiece> flow_split(const layout::DisplayList& flow, float first, float rest);

// The items of `flow` that belong to `pieces[k]`, moved up by its top;
// rectangles that straddle a break are cut at it.
layout::DisplayList flow_piece(const layout::DisplayList& flow,
                               const std::vector<FlowPiece>& pieces, size_t k);

// Turns bare URLs (http://, https://, ftp://, www.) in the text under
// `root` into links, as md4c's permissive autolinks (markdown-it's
// `linkify`) do; text inside `a`, `code` and `pre` is left alone.
void notes_linkify(dom::Document& doc, dom::NodeId root);

// The notes under `root` written back as Markdown (paragraphs, lists,
// headings, emphasis, code, links, tables), for the pdfpc file.
std::string notes_markdown(const dom::Document& doc, dom::NodeId root);

// The pdfpc presenter-console file (format 2) for `pages`: one entry per
// page with its slide's label, its overlay (the fragment step, for
// --builds) and its slide's notes as Markdown.
std::string pdfpc_json(const deck::Deck& deck, const dom::Document& doc,
                       const std::vector<Page>& pages, int note_font_size = 20);

}  // namespace deckpdf::compose

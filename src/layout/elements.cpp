// layout/elements — HTML elements that browsers draw with something of
// their own beyond their CSS: `q` with the quotation marks of its language,
// `details` (closed: its summary alone) and `summary` with its disclosure
// triangle, and checkboxes (`input type=checkbox`) as a small box, ticked
// when `checked`, the size Chromium draws them whatever the font size.
#include <cctype>

#include "layout/engine.h"
#include "layout/paint.h"

namespace deckpdf::layout {

namespace {

struct Quotes {
  const char* lang;
  const char *open, *close, *open2, *close2;  // outer, then nested
};

// HTML's rendering section (quotes by :lang), the languages decks use most.
constexpr Quotes quotes_table[] = {
    {"de", "\u201E", "\u201C", "\u201A", "\u2018"},
    {"fr", "\u00AB\u00A0", "\u00A0\u00BB", "\u201C", "\u201D"},
    {"es", "\u00AB", "\u00BB", "\u201C", "\u201D"},
    {"it", "\u00AB", "\u00BB", "\u201C", "\u201D"},
    {"pt", "\u00AB", "\u00BB", "\u201C", "\u201D"},
    {"ru", "\u00AB", "\u00BB", "\u201E", "\u201C"},
    {"uk", "\u00AB", "\u00BB", "\u201E", "\u201C"},
    {"pl", "\u201E", "\u201D", "\u00AB", "\u00BB"},
    {"cs", "\u201E", "\u201C", "\u201A", "\u2018"},
    {"sv", "\u201D", "\u201D", "\u2019", "\u2019"},
    {"fi", "\u201D", "\u201D", "\u2019", "\u2019"},
    {"ja", "\u300C", "\u300D", "\u300E", "\u300F"},
};

}  // namespace

std::pair<std::string, std::string> Engine::quote_marks(dom::NodeId q) {
  int depth = 0;
  std::string lang;
  for (dom::NodeId p = ctx_.doc[q].parent; p != dom::no_node; p = ctx_.doc[p].parent) {
    if (ctx_.doc[p].tag == "q") ++depth;
  }
  // The marks of the language around the `q` (Chromium's choice: a `q`
  // with a lang of its own inside a German paragraph gets German marks).
  for (dom::NodeId p = ctx_.doc[q].parent; p != dom::no_node && lang.empty();
       p = ctx_.doc[p].parent) {
    if (const std::string* l = ctx_.doc[p].attr("lang")) lang = *l;
  }
  std::string primary = lang.substr(0, lang.find('-'));
  for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Quotes marks{"en", "\u201C", "\u201D", "\u2018", "\u2019"};
  for (const Quotes& qt : quotes_table) {
    if (primary == qt.lang) marks = qt;
  }
  if (depth % 2 == 1) return {marks.open2, marks.close2};
  return {marks.open, marks.close};
}

bool Engine::details_hides(dom::NodeId parent, dom::NodeId child) const {
  const dom::Node& p = ctx_.doc[parent];
  if (p.kind != dom::NodeKind::Element || p.tag != "details" || p.attr("open")) return false;
  // Closed: the first summary alone shows.
  for (dom::NodeId c : p.children) {
    const dom::Node& n = ctx_.doc[c];
    if (n.kind == dom::NodeKind::Element && n.tag == "summary") return c != child;
  }
  return true;
}

const char* Engine::summary_marker(dom::NodeId summary) const {
  const dom::Node& n = ctx_.doc[summary];
  if (n.tag != "summary" || n.parent == dom::no_node) return nullptr;
  const dom::Node& d = ctx_.doc[n.parent];
  if (d.tag != "details") return nullptr;
  return d.attr("open") ? "\u25BC " : "\u25B6 ";
}

// Chromium's checkbox: 13 px square, a 3 px margin (4 px left), a grey
// border with round corners; checked, blue with a white tick.
std::shared_ptr<const Atomic> Engine::checkbox(dom::NodeId id, int tag) {
  const dom::Node& n = ctx_.doc[id];
  bool checked = n.attr("checked") != nullptr;
  const float side = 13, left = 4, margin = 3;
  auto a = std::make_shared<Atomic>();
  a->width = left + side + margin;
  a->height = side + margin;  // the bottom margin hangs below the baseline
  style::ComputedStyle box;
  box.border_radius.corner[0] = box.border_radius.corner[1] = box.border_radius.corner[2] =
      box.border_radius.corner[3] = {2, false};
  if (checked) {
    box.background = Color{0, 0x75 / 255.0f, 1, 1};
  } else {
    box.background = Color{1, 1, 1, 1};
    box.border_width = 1;
    box.border_color = Color{0x76 / 255.0f, 0x76 / 255.0f, 0x76 / 255.0f, 1};
  }
  box_paint(box, left, 0, side, side, tag, n.span, a->items);
  if (checked) {
    auto tick = std::make_shared<PathData>();
    tick->ops = {PathData::Op::Move, PathData::Op::Line, PathData::Op::Line};
    tick->pts = {3, 6.5f, 5.5f, 9.5f, 10, 3.5f};
    auto st = std::make_shared<PathStyle>();
    st->stroke = Color{1, 1, 1, 1};
    st->stroke_width = 2;
    Item it;
    it.x = left;
    it.y = 0;
    it.v = PathItem{std::move(tick), std::move(st)};
    it.tag = tag;
    it.span = n.span;
    a->items.push_back(std::move(it));
  }
  return a;
}

}  // namespace deckpdf::layout

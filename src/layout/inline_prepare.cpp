// layout/inline_prepare — the prepare step of inline layout: the pieces'
// text with white space processed (collapsed, or kept for `pre`) and
// text-transform applied, as one paragraph string with the bidi levels
// and break opportunities that the later steps read.
#include <string>

#include "layout/inline.h"
#include "text/utf8.h"

namespace deckpdf::layout {

namespace {

bool keeps_spaces(style::WhiteSpace ws) {
  return ws == style::WhiteSpace::Pre || ws == style::WhiteSpace::PreWrap;
}

// A piece's text after CSS white space processing. `space_before` says
// whether the text so far ends in a collapsible space, and is updated.
std::string spaces_processed(const Piece& p, bool& space_before) {
  style::WhiteSpace ws = p.style->white_space;
  std::string t;
  if (keeps_spaces(ws)) {
    size_t col = 0;
    for (char c : p.text) {
      if (c == '\t') {
        size_t n = 8 - col % 8;
        t.append(n, ' ');
        col += n;
      } else {
        t.push_back(c);
        col = c == '\n' ? 0 : col + 1;
      }
    }
    space_before = !t.empty() && (t.back() == ' ' || t.back() == '\n');
    return t;
  }
  for (char c : p.text) {
    if (c == '\n' && ws == style::WhiteSpace::PreLine) {
      while (!t.empty() && t.back() == ' ') t.pop_back();
      t.push_back('\n');
      space_before = true;
    } else if (is_css_space(c)) {
      if (!space_before) t.push_back(' ');
      space_before = true;
    } else {
      t.push_back(c);
      space_before = false;
    }
  }
  return t;
}

// `t` in the case the piece's text-transform asks for; `word_start`: the
// text so far ends between words (for capitalize).
std::string transformed(const std::string& t, style::TextTransform tt, bool word_start) {
  switch (tt) {
    case style::TextTransform::Uppercase: return text::change_case(t, text::CaseChange::Upper);
    case style::TextTransform::Lowercase: return text::change_case(t, text::CaseChange::Lower);
    case style::TextTransform::Capitalize:
      return text::change_case(t, text::CaseChange::Capitalize, word_start);
    case style::TextTransform::None: break;
  }
  return t;
}

}  // namespace

Paragraph inline_prepare(const std::vector<Piece>& pieces) {
  Paragraph para;
  std::string& out = para.text;
  std::vector<Paragraph::Range>& ranges = para.ranges;
  bool space_before = true;
  for (size_t pi = 0; pi < pieces.size(); ++pi) {
    const Piece& p = pieces[pi];
    size_t begin = out.size();
    if (p.line_break) {
      out.push_back('\n');
      space_before = true;
      ranges.push_back({begin, out.size(), pi, {}});
      continue;
    }
    std::string before_transform = spaces_processed(p, space_before);
    std::string t =
        transformed(before_transform, p.style->text_transform, out.empty() || out.back() == ' ');
    if (t == before_transform) before_transform.clear();
    out += t;
    if (out.size() > begin) ranges.push_back({begin, out.size(), pi, before_transform});
  }
  // Trailing collapsible spaces of the block.
  while (!out.empty() && out.back() == ' ' && !ranges.empty()) {
    if (keeps_spaces(pieces[ranges.back().piece].style->white_space)) break;
    out.pop_back();
    Paragraph::Range& last = ranges.back();
    if (!last.original.empty() && last.original.back() == ' ') last.original.pop_back();
    if (--last.end == last.begin) ranges.pop_back();
  }
  if (ranges.empty()) return para;
  // Over the whole paragraph: a line's runs are ordered, and its breaks
  // found, in the context of the text around it.
  para.bidi = text::bidi_levels(out, text::BaseDirection::Auto);
  para.breaks = text::line_breaks(out);
  return para;
}

}  // namespace deckpdf::layout

// math/find — KaTeX auto-render's splitAtDelimiters and findEndOfMath
// over the deck's text nodes, formulas made elements, parse errors warned.
#include "math/find.h"

#include <array>
#include <string>
#include <vector>

#include "math/tex.h"

namespace deckpdf::math {

namespace {

struct Delims {
  std::string_view left, right;
  bool display;
};
// reveal.js's RevealMath.KaTeX order: the first that starts earliest wins.
constexpr std::array<Delims, 4> kDelims{{
    {"$$", "$$", true},
    {"$", "$", false},
    {"\\(", "\\)", false},
    {"\\[", "\\]", true},
}};

bool ignored(const dom::Document& doc, dom::NodeId id) {
  if (!doc.attached(id)) return true;  // a highlighted block's old text
  for (dom::NodeId up = doc[id].parent; up != dom::no_node; up = doc[up].parent) {
    const std::string& t = doc[up].tag;
    if (doc[up].kind == dom::NodeKind::Element &&
        (t == "pre" || t == "code" || t == "script" || t == "style" || t == "textarea" ||
         t == "noscript" || t == inline_tag)) {
      return true;
    }
  }
  return false;
}

// The end of a formula that starts at `from`: the right delimiter outside
// braces, a backslash escaping the character after it (findEndOfMath).
size_t end_of_math(std::string_view right, std::string_view text, size_t from) {
  int braces = 0;
  for (size_t i = from; i < text.size(); ++i) {
    char c = text[i];
    if (braces <= 0 && text.substr(i, right.size()) == right) return i;
    if (c == '\\') {
      ++i;
    } else if (c == '{') {
      ++braces;
    } else if (c == '}') {
      --braces;
    }
  }
  return std::string_view::npos;
}

struct Part {
  std::string text;  // plain text, or the formula's TeX
  size_t offset;     // where it starts in the node's text
  int kind;          // 0 text, 1 inline, 2 display
};

// The earliest left delimiter at or after `from`, not escaped by a backslash.
size_t find_left(std::string_view text, size_t from, size_t& which) {
  for (size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '$') {
      ++i;  // `\$` is a dollar
      continue;
    }
    for (size_t d = 0; d < kDelims.size(); ++d) {
      if (text.substr(i, kDelims[d].left.size()) == kDelims[d].left) {
        which = d;
        return i;
      }
    }
  }
  return std::string_view::npos;
}

void add_text(std::vector<Part>& parts, std::string_view t, size_t offset) {
  std::string s;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '$') continue;
    s += t[i];
  }
  if (!s.empty()) parts.push_back({std::move(s), offset, 0});
}

std::vector<Part> split(std::string_view text) {
  std::vector<Part> parts;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t which = 0;
    size_t left = find_left(text, pos, which);
    if (left == std::string_view::npos) break;
    const Delims& d = kDelims[which];
    size_t start = left + d.left.size();
    size_t end = end_of_math(d.right, text, start);
    if (end == std::string_view::npos) break;
    add_text(parts, text.substr(pos, left - pos), pos);
    parts.push_back({std::string(text.substr(start, end - start)), start, d.display ? 2 : 1});
    pos = end + d.right.size();
  }
  if (pos < text.size()) add_text(parts, text.substr(pos), pos);
  return parts;
}

}  // namespace

size_t find_formulas(dom::Document& doc, Diagnostics& diags) {
  size_t found = 0;
  size_t count = doc.nodes.size();  // nodes added below are not scanned again
  for (dom::NodeId id = 0; id < count; ++id) {
    if (doc[id].kind != dom::NodeKind::Text) continue;
    const std::string& t = doc[id].text;
    if (t.find('$') == std::string::npos && t.find('\\') == std::string::npos) continue;
    if (ignored(doc, id)) continue;
    std::vector<Part> parts = split(doc[id].text);
    if (parts.size() == 1 && parts[0].kind == 0 && parts[0].text == doc[id].text) continue;
    Span span = doc[id].span;
    // Spans inside the node are exact when its text is its source's bytes.
    bool exact = span.end - span.begin == doc[id].text.size();
    dom::NodeId parent = doc[id].parent;
    std::vector<dom::NodeId> made;
    for (Part& p : parts) {
      Span at = span;
      if (exact) {
        at.begin = span.begin + static_cast<uint32_t>(p.offset);
        at.end = at.begin + static_cast<uint32_t>(p.text.size());
      }
      if (p.kind == 0) {
        dom::Node n;
        n.kind = dom::NodeKind::Text;
        n.text = std::move(p.text);
        n.span = at;
        made.push_back(doc.add(std::move(n), parent));
        continue;
      }
      ++found;
      ParseResult r = parse(p.text);
      if (!r.ok) {
        Span err = at;
        if (exact) err = {at.begin + r.offset, at.begin + r.offset + 1};
        diags.warning(
            err, "math.tex",
            "KaTeX cannot parse this formula (" + r.error + "); it is drawn as its source");
      }
      // Its text for readers of the tree's text (titles, the outline); layout
      // draws the formula instead.
      dom::Node plain;
      plain.kind = dom::NodeKind::Text;
      plain.text = r.ok ? plain_text(r.list) : p.text;
      plain.span = at;
      dom::Node m;
      m.tag = std::string(inline_tag);
      m.attrs.push_back({"tex", std::move(p.text), false, at});
      m.span = at;
      if (p.kind == 2) {
        m.attrs.push_back({"display", "", true, at});
        dom::Node block;
        block.tag = std::string(display_tag);
        block.span = at;
        dom::NodeId b = doc.add(std::move(block), parent);
        made.push_back(b);
        doc.add(std::move(plain), doc.add(std::move(m), b));
      } else {
        dom::NodeId id_m = doc.add(std::move(m), parent);
        made.push_back(id_m);
        doc.add(std::move(plain), id_m);
      }
    }
    // doc.add appended the new nodes to the parent: put them in the text's place.
    std::vector<dom::NodeId>& kids = doc[parent].children;
    kids.resize(kids.size() - made.size());
    for (size_t i = 0; i < kids.size(); ++i) {
      if (kids[i] != id) continue;
      kids.erase(kids.begin() + static_cast<long>(i));
      kids.insert(kids.begin() + static_cast<long>(i), made.begin(), made.end());
      break;
    }
  }
  return found;
}

}  // namespace deckpdf::math

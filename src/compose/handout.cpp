// compose/handout — handouts, n-up grids, the notes-only script and the
// pdfpc file (see handout.h).
//
//   STEP 1  geometry: the paper (A4 or Letter, turned for landscape), the
//           margins, header and footer, the grid of cells and, in each
//           cell, the slide's box and the notes' box.
//   STEP 2  cells: each printed slide gets one cell; its notes are laid out
//           at the width of the notes box and split between line boxes
//           into pieces no taller than the box; every further piece takes
//           a cell of its own, the slide repeated, under a "continued" line.
//   STEP 3  pages: cells fill pages in reading order; each page has one
//           "chrome" list (slide backgrounds, frames, ruled lines), the
//           slides placed by reference, the notes pieces, the header (the
//           deck's title) and the footer ("3 / 12").
//   STEP 4  navigation: an outline entry on the page where a slide first
//           appears; links in slides and notes become annotations.
//
// Units: layout works in CSS px, pages in pt (0.75 pt per px). Layout
// files are in mm.
#include "compose/handout.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <sstream>

#include "compose/internal.h"
#include "compose/layers.h"
#include "layout/layers.h"
#include "layout/layout.h"
#include "layout/parallel.h"
#include "source/strings.h"

namespace deckpdf::compose {

namespace {

constexpr float pt_per_mm = 72.0f / 25.4f;
constexpr float pt_per_px = 0.75f;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "12mm", "12" (mm) -> mm.
bool mm_parse(std::string_view w, float& out) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "mm") w.remove_suffix(2);
  auto r = std::from_chars(w.data(), w.data() + w.size(), out);
  return r.ec == std::errc() && r.ptr == w.data() + w.size() && out >= 0 && out <= 1000;
}

// "0.55" (a fraction) or "40mm".
bool box_value_parse(std::string_view w, float& out, bool& mm) {
  mm = w.size() > 2 && w.substr(w.size() - 2) == "mm";
  if (mm) w.remove_suffix(2);
  auto r = std::from_chars(w.data(), w.data() + w.size(), out);
  if (r.ec != std::errc() || r.ptr != w.data() + w.size() || out < 0) return false;
  return mm ? out <= 1000 : out <= 1;
}

}  // namespace

// ---------------------------------------------------------------------------
// Paper
// ---------------------------------------------------------------------------

bool paper_parse(std::string_view text, Paper& out) {
  std::string t = lower(trim(text));
  if (t == "a4") {
    out = Paper{"A4", 595.276f, 841.890f};
    return true;
  }
  if (t == "letter") {
    out = Paper{"Letter", 612, 792};
    return true;
  }
  return false;
}

Paper paper_from_locale(const char* lc_all, const char* lc_paper, const char* lang) {
  const char* locale = nullptr;
  for (const char* v : {lc_all, lc_paper, lang}) {
    if (v && *v) {
      locale = v;
      break;
    }
  }
  Paper a4;
  if (!locale) return a4;
  // language_TERRITORY.codeset@modifier
  std::string_view l(locale);
  size_t us = l.find('_');
  if (us == std::string_view::npos) return a4;
  std::string_view territory = l.substr(us + 1);
  size_t end = territory.find_first_of(".@");
  if (end != std::string_view::npos) territory = territory.substr(0, end);
  static constexpr std::string_view letter[] = {"US", "CA", "MX", "CL", "CO", "CR", "GT",
                                                "PA", "PH", "PR", "SV", "VE", "NI", "DO"};
  for (std::string_view t : letter) {
    if (territory == t) return Paper{"Letter", 612, 792};
  }
  return a4;
}

// ---------------------------------------------------------------------------
// Layout files
// ---------------------------------------------------------------------------

bool handout_layout_parse(std::string_view text, HandoutLayout& out, std::string& error) {
  size_t line_no = 0;
  size_t at = 0;
  auto fail = [&](const std::string& why) {
    error = std::to_string(line_no) + ": " + why;
    return false;
  };
  while (at <= text.size()) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, (nl == std::string_view::npos ? text.size() : nl) - at);
    at = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return fail("expected 'key: value'");
    std::string key = lower(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    std::vector<std::string_view> w = words(value);
    if (w.empty()) return fail("'" + key + "' has no value");
    auto yes_no = [&](bool& b) {
      std::string v = lower(value);
      if (v == "yes" || v == "true" || v == "on")
        b = true;
      else if (v == "no" || v == "false" || v == "off")
        b = false;
      else
        return fail("'" + key + "' is yes or no");
      return true;
    };
    auto length = [&](float& f) {
      if (w.size() != 1 || !mm_parse(w[0], f)) return fail("'" + key + "' is a length in mm");
      return true;
    };
    auto box = [&](CellBox& b) {
      if (w.size() != 4) return fail("'" + key + "' is four values: x y width height");
      if (!box_value_parse(w[0], b.x, b.x_mm) || !box_value_parse(w[1], b.y, b.y_mm) ||
          !box_value_parse(w[2], b.width, b.width_mm) ||
          !box_value_parse(w[3], b.height, b.height_mm)) {
        return fail("'" + key + "' values are fractions of the cell (0 to 1) or lengths (40mm)");
      }
      if (b.width <= 0 || b.height <= 0) return fail("'" + key + "' has no area");
      return true;
    };
    if (key == "paper") {
      std::string v = lower(value);
      if (v == "landscape")
        out.landscape = true;
      else if (v == "portrait")
        out.landscape = false;
      else
        return fail("'paper' is portrait or landscape (the size is --paper)");
    } else if (key == "margin") {
      float m[4];
      if (w.size() != 1 && w.size() != 2 && w.size() != 4) {
        return fail("'margin' is one, two or four lengths (top right bottom left)");
      }
      for (size_t i = 0; i < w.size(); ++i) {
        if (!mm_parse(w[i], m[i])) return fail("'margin' is lengths in mm");
      }
      if (w.size() == 1) m[1] = m[2] = m[3] = m[0];
      if (w.size() == 2) m[2] = m[0], m[3] = m[1];
      out.margin_top = m[0], out.margin_right = m[1], out.margin_bottom = m[2],
      out.margin_left = m[3];
    } else if (key == "header") {
      if (!length(out.header)) return false;
    } else if (key == "footer") {
      if (!length(out.footer)) return false;
    } else if (key == "gap") {
      if (!length(out.gap)) return false;
    } else if (key == "rule-gap") {
      if (!length(out.rule_gap)) return false;
      if (out.rule_gap < 3) return fail("'rule-gap' is at least 3mm");
    } else if (key == "grid") {
      std::string v = lower(value);
      size_t x = v.find('x');
      int c = 0, r = 0;
      auto r1 = std::from_chars(v.data(), v.data() + (x == std::string::npos ? 0 : x), c);
      auto r2 =
          x == std::string::npos ? r1 : std::from_chars(v.data() + x + 1, v.data() + v.size(), r);
      if (x == std::string::npos || r1.ec != std::errc() || r2.ec != std::errc() ||
          r2.ptr != v.data() + v.size() || c < 1 || r < 1 || c > 6 || r > 6) {
        return fail("'grid' is COLUMNSxROWS, each 1 to 6 (like 2x3)");
      }
      out.columns = c;
      out.rows = r;
    } else if (key == "slide") {
      if (!box(out.slide)) return false;
    } else if (key == "slide-align") {
      std::string v = lower(value);
      if (v == "top")
        out.slide_center = false;
      else if (v == "center")
        out.slide_center = true;
      else
        return fail("'slide-align' is top or center");
    } else if (key == "notes") {
      if (lower(value) == "none") {
        out.notes.reset();
      } else {
        CellBox b;
        if (!box(b)) return false;
        out.notes = b;
      }
    } else if (key == "ruled") {
      if (!yes_no(out.ruled)) return false;
    } else {
      return fail("unknown key '" + key + "'");
    }
  }
  return true;
}

std::optional<HandoutLayout> handout_layout_load(const std::string& layouts_dir,
                                                 const std::string& name_or_path,
                                                 std::string& error) {
  bool is_path = name_or_path.find('/') != std::string::npos ||
                 (name_or_path.size() > 8 &&
                  name_or_path.compare(name_or_path.size() - 8, 8, ".handout") == 0);
  std::string path = is_path ? name_or_path : layouts_dir + "/" + name_or_path + ".handout";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read handout layout '" + name_or_path + "' (" + path + ")";
    return std::nullopt;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  HandoutLayout layout;
  layout.name = name_or_path;
  std::string why;
  if (!handout_layout_parse(buf.str(), layout, why)) {
    error = path + ":" + why;
    return std::nullopt;
  }
  return layout;
}

// ---------------------------------------------------------------------------
// Splitting a flow between line boxes
// ---------------------------------------------------------------------------

std::vector<FlowPiece> flow_split(const layout::DisplayList& flow, float first, float rest) {
  // Overlapping bands (a picture beside text, cells of a table row) make
  // one block that is never split.
  std::vector<layout::DisplayList::Band> blocks;
  for (const auto& b : flow.bands) {
    if (!blocks.empty() && b.top < blocks.back().bottom - 0.01f) {
      blocks.back().bottom = std::max(blocks.back().bottom, b.bottom);
    } else {
      blocks.push_back(b);
    }
  }
  if (blocks.empty()) return {{0, flow.height}};
  std::vector<FlowPiece> out;
  size_t i = 0;
  float start = 0;  // the first piece starts at the flow's top
  while (i < blocks.size()) {
    float avail = out.empty() ? first : rest;
    size_t k = i;  // a piece holds at least one block
    while (k + 1 < blocks.size() && blocks[k + 1].bottom - start <= avail + 0.01f) ++k;
    out.push_back({start, blocks[k].bottom});
    i = k + 1;
    if (i < blocks.size()) start = blocks[i].top;
  }
  return out;
}

layout::DisplayList flow_piece(const layout::DisplayList& flow,
                               const std::vector<FlowPiece>& pieces, size_t k) {
  constexpr float inf = std::numeric_limits<float>::infinity();
  layout::DisplayList out;
  out.width = flow.width;
  out.background = flow.background;
  out.effects = flow.effects;
  const FlowPiece& piece = pieces[k];
  bool last = k + 1 == pieces.size();
  out.height = piece.bottom - piece.top;
  // The piece's zone: what lies between its top and the next piece's top
  // (the first from the flow's top, the last to its end).
  float zone_lo = k == 0 ? -inf : piece.top;
  float zone_hi = last ? inf : pieces[k + 1].top;
  // Where straddling rectangles are cut.
  float cut_lo = k == 0 ? -inf : piece.top;
  float cut_hi = last ? inf : piece.bottom;
  for (const layout::Item& item : flow.items) {
    float anchor = item.y;
    if (auto* r = std::get_if<layout::RectItem>(&item.v)) {
      float top = item.y, bottom = item.y + r->height;
      if (top >= zone_lo && bottom <= zone_hi) {
        // Wholly in this zone.
      } else {
        float t = std::max(top, cut_lo), b = std::min(bottom, cut_hi);
        if (b - t <= 0.01f) continue;
        layout::Item copy = item;
        copy.y = t - piece.top;
        std::get<layout::RectItem>(copy.v).height = b - t;
        out.items.push_back(std::move(copy));
        continue;
      }
    } else if (auto* l = std::get_if<layout::LineItem>(&item.v)) {
      anchor = std::min(item.y, l->y2);
    } else if (auto* link = std::get_if<layout::LinkItem>(&item.v)) {
      anchor = item.y + link->height / 2;
    } else if (std::holds_alternative<layout::ImageItem>(item.v)) {
      anchor = item.y + 0.01f;
    }
    if (anchor < zone_lo || anchor >= zone_hi) continue;
    layout::Item copy = item;
    copy.y -= piece.top;
    if (auto* l = std::get_if<layout::LineItem>(&copy.v)) l->y2 -= piece.top;
    out.items.push_back(std::move(copy));
  }
  for (const auto& b : flow.bands) {
    if (b.top >= piece.top - 0.01f && b.bottom <= piece.bottom + 0.01f) {
      out.bands.push_back({b.top - piece.top, b.bottom - piece.top});
    }
  }
  layout::layers_group(out);
  return out;
}

// ---------------------------------------------------------------------------
// Linkify and Markdown
// ---------------------------------------------------------------------------

namespace {

bool url_char(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != 0x7F;
}

// The bare URLs in `t`: [begin, end) ranges, md4c's permissive rules: a
// scheme (http, https, ftp) or "www." after a space, the start or one of
// "*_~(", running to white space, less trailing punctuation and an
// unbalanced ')'.
std::vector<std::pair<size_t, size_t>> urls_find(const std::string& t) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < t.size()) {
    bool start_ok = i == 0 || std::string_view(" \t\n*_~(").find(t[i - 1]) != std::string::npos;
    std::string_view rest(t.data() + i, t.size() - i);
    size_t head = 0;
    if (start_ok) {
      for (std::string_view p : {"https://", "http://", "ftp://", "www."}) {
        if (rest.size() > p.size() && lower(rest.substr(0, p.size())) == p) {
          head = p.size();
          break;
        }
      }
    }
    if (!head) {
      ++i;
      continue;
    }
    size_t e = i + head;
    while (e < t.size() && url_char(static_cast<unsigned char>(t[e]))) ++e;
    // Trailing punctuation is not part of the link.
    while (e > i + head) {
      char c = t[e - 1];
      if (std::string_view(".,:;!?\"'*_~").find(c) != std::string_view::npos) {
        --e;
        continue;
      }
      if (c == ')') {
        long open =
            std::count(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(e), '(');
        long close =
            std::count(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(e), ')');
        if (close > open) {
          --e;
          continue;
        }
      }
      break;
    }
    std::string_view host(t.data() + i + head, e - i - head);
    bool ok = !host.empty() && (head != 4 || host.find('.') != std::string_view::npos);
    if (ok) out.push_back({i, e});
    i = ok ? e : i + head;
  }
  return out;
}

void linkify_node(dom::Document& doc, dom::NodeId id) {
  if (doc[id].kind == dom::NodeKind::Element) {
    const std::string& tag = doc[id].tag;
    if (tag == "a" || tag == "code" || tag == "pre") return;
  }
  std::vector<dom::NodeId> kids = doc[id].children;
  std::vector<dom::NodeId> replaced;
  bool changed = false;
  for (dom::NodeId c : kids) {
    if (doc[c].kind != dom::NodeKind::Text) {
      if (doc[c].kind == dom::NodeKind::Element) linkify_node(doc, c);
      replaced.push_back(c);
      continue;
    }
    std::string text = doc[c].text;
    auto found = urls_find(text);
    if (found.empty()) {
      replaced.push_back(c);
      continue;
    }
    changed = true;
    Span span = doc[c].span;
    size_t at = 0;
    auto add_text = [&](size_t b, size_t e) {
      if (e <= b) return;
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      t.text = text.substr(b, e - b);
      t.span = span;
      replaced.push_back(doc.add(std::move(t), dom::no_node));
    };
    for (auto [b, e] : found) {
      add_text(at, b);
      std::string url = text.substr(b, e - b);
      dom::Node a;
      a.tag = "a";
      a.span = span;
      dom::Attr href;
      href.name = "href";
      href.value = lower(url.substr(0, 4)) == "www." ? "http://" + url : url;
      a.attrs.push_back(std::move(href));
      dom::NodeId aid = doc.add(std::move(a), dom::no_node);
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      t.text = url;
      t.span = span;
      doc.add(std::move(t), aid);
      replaced.push_back(aid);
      at = e;
    }
    add_text(at, text.size());
  }
  if (!changed) return;
  for (dom::NodeId c : replaced) doc[c].parent = id;
  doc[id].children = std::move(replaced);
}

// Markdown from the notes' tree.
class MarkdownWriter {
 public:
  explicit MarkdownWriter(const dom::Document& doc) : doc_(doc) {}

  std::string inline_text(dom::NodeId id) const {
    std::string s;
    for (dom::NodeId c : doc_[id].children) inline_node(c, s);
    return squash_spaces(s);
  }

  void inline_node(dom::NodeId id, std::string& s) const {
    const dom::Node& n = doc_[id];
    if (n.kind == dom::NodeKind::Text || n.kind == dom::NodeKind::Raw) {
      s += n.text;
      return;
    }
    if (n.kind != dom::NodeKind::Element) return;
    const std::string& tag = n.tag;
    if (tag == "br") {
      s += "\\\n";
      return;
    }
    if (tag == "ul" || tag == "ol" || tag == "pre" || tag == "table") return;  // blocks
    std::string inner;
    for (dom::NodeId c : n.children) inline_node(c, inner);
    if (tag == "em" || tag == "i")
      s += "*" + inner + "*";
    else if (tag == "strong" || tag == "b")
      s += "**" + inner + "**";
    else if (tag == "s" || tag == "del")
      s += "~~" + inner + "~~";
    else if (tag == "code")
      s += "`" + doc_.text_content(id) + "`";
    else if (tag == "a") {
      const std::string* href = n.attr("href");
      if (!href || *href == inner || "http://" + inner == *href)
        s += inner;
      else
        s += "[" + inner + "](" + *href + ")";
    } else {
      s += inner;
    }
  }

  void blocks(dom::NodeId id, const std::string& indent, std::string& out) const {
    std::string pending;  // inline content at block level
    auto flush = [&] {
      std::string t = collapse(pending);
      pending.clear();
      if (t.empty()) return;
      out += indent + t + "\n\n";
    };
    for (dom::NodeId c : doc_[id].children) {
      const dom::Node& n = doc_[c];
      if (n.kind == dom::NodeKind::Text) {
        pending += n.text;
        continue;
      }
      if (n.kind != dom::NodeKind::Element) continue;
      const std::string& tag = n.tag;
      if (tag == "p" || tag == "div") {
        flush();
        if (has_block_children(c)) {
          blocks(c, indent, out);
        } else {
          std::string t = inline_text(c);
          if (!t.empty()) out += indent + t + "\n\n";
        }
      } else if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
        flush();
        out += indent + std::string(static_cast<size_t>(tag[1] - '0'), '#') + " " + inline_text(c) +
               "\n\n";
      } else if (tag == "ul" || tag == "ol") {
        flush();
        list(c, indent, out);
        out += "\n";
      } else if (tag == "pre") {
        flush();
        fenced(c, indent, out);
        out += "\n";
      } else if (tag == "blockquote") {
        flush();
        std::string inner;
        blocks(c, "", inner);
        size_t at = 0;
        while (at < inner.size()) {
          size_t nl = inner.find('\n', at);
          std::string line = inner.substr(at, nl - at);
          out += indent + (line.empty() ? ">" : "> " + line) + "\n";
          at = nl + 1;
        }
        out += "\n";
      } else if (tag == "table") {
        flush();
        table(c, indent, out);
      } else if (tag == "hr") {
        flush();
        out += indent + "---\n\n";
      } else {
        std::string s;
        inline_node(c, s);
        pending += s;
      }
    }
    flush();
  }

 private:
  static std::string collapse(const std::string& s) { return squash_spaces(s); }

  bool has_block_children(dom::NodeId id) const {
    for (dom::NodeId c : doc_[id].children) {
      const dom::Node& n = doc_[c];
      if (n.kind == dom::NodeKind::Element &&
          (n.tag == "p" || n.tag == "ul" || n.tag == "ol" || n.tag == "pre" || n.tag == "table" ||
           n.tag == "blockquote" || n.tag == "div" ||
           (n.tag.size() == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6'))) {
        return true;
      }
    }
    return false;
  }

  void list(dom::NodeId id, const std::string& indent, std::string& out) const {
    bool ordered = doc_[id].tag == "ol";
    int number = 1;
    if (const std::string* start = doc_[id].attr("start")) number = std::atoi(start->c_str());
    for (dom::NodeId li : doc_[id].children) {
      const dom::Node& n = doc_[li];
      if (n.kind != dom::NodeKind::Element || n.tag != "li") continue;
      std::string marker = ordered ? std::to_string(number++) + ". " : "- ";
      std::string sub_indent = indent + std::string(marker.size(), ' ');
      // The item's own text: its inline children (or its first paragraph).
      std::string head;
      std::string rest;
      bool first_p_used = false;
      std::string inline_part;
      for (dom::NodeId c : n.children) {
        const dom::Node& cn = doc_[c];
        bool block = cn.kind == dom::NodeKind::Element &&
                     (cn.tag == "ul" || cn.tag == "ol" || cn.tag == "pre" || cn.tag == "p" ||
                      cn.tag == "table" || cn.tag == "blockquote");
        if (!block) {
          inline_node(c, inline_part);
          continue;
        }
        if (cn.tag == "p" && !first_p_used && collapse(inline_part).empty()) {
          inline_part = inline_text(c);
          first_p_used = true;
          continue;
        }
        if (cn.tag == "ul" || cn.tag == "ol") {
          list(c, sub_indent, rest);
        } else {
          std::string b;
          block_one(c, sub_indent, b);
          rest += b;
        }
      }
      head = collapse(inline_part);
      out += indent + marker + head + "\n" + rest;
    }
  }

  // A `pre` as a fenced code block, every line indented.
  void fenced(dom::NodeId id, const std::string& indent, std::string& out) const {
    std::string code = doc_.text_content(id);
    if (!code.empty() && code.back() != '\n') code += '\n';
    out += indent + "```\n";
    size_t at = 0;
    while (at < code.size()) {
      size_t nl = code.find('\n', at);
      out += indent + code.substr(at, nl - at) + "\n";
      at = nl + 1;
    }
    out += indent + "```\n";
  }

  // One block element, as blocks() writes it.
  void block_one(dom::NodeId id, const std::string& indent, std::string& out) const {
    const dom::Node& n = doc_[id];
    if (n.tag == "p") {
      out += "\n" + indent + inline_text(id) + "\n";
    } else if (n.tag == "pre") {
      fenced(id, indent, out);
    } else if (n.tag == "table") {
      table(id, indent, out);
    } else {
      out += indent + inline_text(id) + "\n";
    }
  }

  void rows(dom::NodeId id, std::vector<dom::NodeId>& out) const {
    for (dom::NodeId c : doc_[id].children) {
      const dom::Node& n = doc_[c];
      if (n.kind != dom::NodeKind::Element) continue;
      if (n.tag == "tr")
        out.push_back(c);
      else
        rows(c, out);
    }
  }

  void table(dom::NodeId id, const std::string& indent, std::string& out) const {
    std::vector<dom::NodeId> trs;
    rows(id, trs);
    bool first = true;
    for (dom::NodeId tr : trs) {
      std::string line = indent + "|";
      size_t cells = 0;
      for (dom::NodeId c : doc_[tr].children) {
        const dom::Node& n = doc_[c];
        if (n.kind != dom::NodeKind::Element || (n.tag != "td" && n.tag != "th")) continue;
        line += " " + inline_text(c) + " |";
        ++cells;
      }
      out += line + "\n";
      if (first) {
        out += indent + "|";
        for (size_t k = 0; k < cells; ++k) out += " --- |";
        out += "\n";
        first = false;
      }
    }
    out += "\n";
  }

  const dom::Document& doc_;
};

}  // namespace

void notes_linkify(dom::Document& doc, dom::NodeId root) {
  if (root == dom::no_node || root >= doc.nodes.size()) return;
  linkify_node(doc, root);
}

std::string notes_markdown(const dom::Document& doc, dom::NodeId root) {
  if (root == dom::no_node) return {};
  std::string out;
  MarkdownWriter(doc).blocks(root, "", out);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string pdfpc_json(const deck::Deck& deck, const dom::Document& doc,
                       const std::vector<Page>& pages, int note_font_size) {
  std::string o = "{\"pdfpcFormat\":2,\"disableMarkdown\":false,\"noteFontSize\":" +
                  std::to_string(note_font_size) + ",\"pages\":[";
  std::map<int, std::string> notes;
  int overlay = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& p = pages[i];
    overlay = i > 0 && pages[i - 1].slide == p.slide ? overlay + 1 : 0;
    std::string label = p.label;
    std::string note;
    if (p.slide >= 0 && static_cast<size_t>(p.slide) < deck.slides.size()) {
      const deck::Slide& s = deck.slides[static_cast<size_t>(p.slide)];
      label = s.label();
      auto it = notes.find(p.slide);
      if (it == notes.end()) it = notes.emplace(p.slide, notes_markdown(doc, s.notes)).first;
      note = it->second;
    }
    o += i ? ",\n" : "\n";
    o += "{\"idx\":" + std::to_string(i) + ",\"label\":\"" + json_escape(label) +
         "\",\"overlay\":" + std::to_string(overlay) +
         ",\"forcedOverlay\":false,\"hidden\":false,\"note\":\"" + json_escape(note) + "\"}";
  }
  o += "\n]}\n";
  return o;
}

// ---------------------------------------------------------------------------
// Handout pages
// ---------------------------------------------------------------------------

namespace {

struct Rect {
  float x = 0, y = 0, width = 0, height = 0;
};

Rect cell_box(const CellBox& b, const Rect& cell) {
  Rect r;
  r.x = cell.x + (b.x_mm ? b.x * pt_per_mm : b.x * cell.width);
  r.y = cell.y + (b.y_mm ? b.y * pt_per_mm : b.y * cell.height);
  r.width = b.width_mm ? b.width * pt_per_mm : b.width * cell.width;
  r.height = b.height_mm ? b.height * pt_per_mm : b.height * cell.height;
  r.width = std::min(r.width, cell.x + cell.width - r.x);
  r.height = std::min(r.height, cell.y + cell.height - r.y);
  return r;
}

// One piece of the handout: a slide and a piece of its notes.
struct Cell {
  size_t slide = 0;
  const layout::DisplayList* notes = nullptr;  // px, placed at 0.75
  bool continued = false;
};

class Builder {
 public:
  Builder(const deck::Deck& deck, const std::vector<layout::DisplayList>& slides,
          const HandoutLayout& layout, NotesContext& notes, const HandoutOptions& options,
          Handout& out)
      : deck_(deck),
        slides_(slides),
        layout_(layout),
        nc_(notes),
        options_(options),
        out_(out),
        resolver_(notes.theme, notes.doc, notes.diags),
        notes_ctx_{notes.doc, resolver_, notes.shaper, notes.diags} {
    notes_ctx_.deck_dir = notes.deck_dir;
    // STEP 1: geometry.
    page_w_ = options.paper.width;
    page_h_ = options.paper.height;
    if (layout.landscape && !options.notes_only) std::swap(page_w_, page_h_);
    content_.x = layout.margin_left * pt_per_mm;
    content_.y = (layout.margin_top + layout.header) * pt_per_mm;
    content_.width = page_w_ - (layout.margin_left + layout.margin_right) * pt_per_mm;
    content_.height =
        page_h_ -
        (layout.margin_top + layout.header + layout.footer + layout.margin_bottom) * pt_per_mm;
    content_.width = std::max(content_.width, 72.0f);
    content_.height = std::max(content_.height, 72.0f);
    float gap = layout.gap * pt_per_mm;
    cell_w_ = (content_.width - gap * static_cast<float>(layout.columns - 1)) /
              static_cast<float>(layout.columns);
    cell_h_ = (content_.height - gap * static_cast<float>(layout.rows - 1)) /
              static_cast<float>(layout.rows);
    cell_w_ = std::max(cell_w_, 36.0f);
    cell_h_ = std::max(cell_h_, 36.0f);
  }

  void build() {
    if (options_.notes_only) {
      script();
    } else {
      cells_make();
      pages_make();
    }
    finish();
  }

 private:
  std::vector<size_t> selection() const {
    std::vector<size_t> out;
    if (options_.slides.empty()) {
      for (size_t i = 0; i < deck_.slides.size() && i < slides_.size(); ++i) out.push_back(i);
    } else {
      for (size_t i : options_.slides) {
        if (i < deck_.slides.size() && i < slides_.size()) out.push_back(i);
      }
    }
    return out;
  }

  // The notes of slide `i` laid out `width_pt` wide (px inside), with
  // notes_ctx_ or a helper thread's copy of it.
  layout::DisplayList notes_flow(layout::Context& ctx, size_t i, float width_pt) const {
    const deck::Slide& s = deck_.slides[i];
    style::ComputedStyle root = ctx.styles.compute(s.notes, ctx.styles.root_style());
    root.display = style::Display::Block;
    return layout::layout_flow(ctx, s.notes, root, width_pt / pt_per_px);
  }

  // The notes of `slides` (each with notes), laid out on every core ahead
  // of the pass that places them; that pass takes each with take(k), in
  // order, where it would have laid it out (layout/parallel.h).
  struct NotesAhead {
    std::vector<layout::DisplayList> flows;
    std::unique_ptr<layout::ParallelLayout> work;
  };
  void notes_ahead(NotesAhead& ahead, const std::vector<size_t>& slides, float width_pt) {
    ahead.flows.assign(slides.size(), {});
    ahead.work = std::make_unique<layout::ParallelLayout>(
        notes_ctx_, slides.size(), layout::ParallelLayout::threads_for(slides.size()),
        [this, &ahead, &slides, width_pt](layout::Context& c, size_t k) {
          ahead.flows[k] = notes_flow(c, slides[k], width_pt);
        });
  }

  // A line of deckpdf's own text in the notes style, class `cls`: the
  // document `aside.notes > div.CLS > text`, made once per class (a page
  // footer is laid out on every page) with its text replaced each time.
  layout::DisplayList label_flow(const std::string& cls, const std::string& text, float width_pt) {
    std::unique_ptr<Label>& slot = labels_[cls];
    if (!slot) {
      slot = std::make_unique<Label>();
      dom::Document& d = slot->doc;
      dom::Node aside;
      aside.tag = "aside";
      aside.classes = {"notes"};
      slot->aside = d.add(std::move(aside), d.root);
      dom::Node div;
      div.tag = "div";
      div.classes = {cls};
      dom::NodeId dv = d.add(std::move(div), slot->aside);
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      slot->text = d.add(std::move(t), dv);
      slot->resolver.emplace(nc_.theme, d, nc_.diags);
      slot->root = slot->resolver->compute(slot->aside, slot->resolver->root_style());
      slot->root.display = style::Display::Block;
    }
    Label& label = *slot;
    label.doc[label.text].text = text;
    layout::Context ctx{label.doc, *label.resolver, nc_.shaper, nc_.diags};
    return layout::layout_flow(ctx, label.aside, label.root, width_pt / pt_per_px);
  }

  // label_flow() for many lines of one class at once (the page footers),
  // laid out on every core: one document holds them all, each line under
  // its own `aside.notes > div.CLS`, so each has the ancestors it has
  // alone. The caller takes line k with work->take(k), in order, where it
  // would have called label_flow().
  struct LabelsAhead {
    dom::Document doc;
    std::vector<dom::NodeId> asides;
    std::optional<style::Resolver> resolver;
    std::optional<layout::Context> ctx;
    style::ComputedStyle root;
    std::vector<layout::DisplayList> flows;
    std::unique_ptr<layout::ParallelLayout> work;
  };
  void labels_ahead(LabelsAhead& ahead, const std::string& cls,
                    const std::vector<std::string>& texts, float width_pt) {
    dom::Document& d = ahead.doc;
    for (const std::string& text : texts) {
      dom::Node aside;
      aside.tag = "aside";
      aside.classes = {"notes"};
      dom::NodeId a = d.add(std::move(aside), d.root);
      dom::Node div;
      div.tag = "div";
      div.classes = {cls};
      dom::NodeId dv = d.add(std::move(div), a);
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      t.text = text;
      d.add(std::move(t), dv);
      ahead.asides.push_back(a);
    }
    ahead.resolver.emplace(nc_.theme, d, nc_.diags);
    ahead.ctx.emplace(layout::Context{d, *ahead.resolver, nc_.shaper, nc_.diags});
    ahead.flows.assign(texts.size(), {});
    if (!texts.empty()) {
      ahead.root = ahead.resolver->compute(ahead.asides[0], ahead.resolver->root_style());
      ahead.root.display = style::Display::Block;
    }
    ahead.work = std::make_unique<layout::ParallelLayout>(
        *ahead.ctx, texts.size(), layout::ParallelLayout::threads_for(texts.size()),
        [&ahead, width_pt](layout::Context& c, size_t k) {
          ahead.flows[k] =
              layout::layout_flow(c, ahead.asides[k], ahead.root, width_pt / pt_per_px);
        });
  }

  layout::DisplayList& keep(layout::DisplayList list) {
    out_.lists.push_back(std::move(list));
    return out_.lists.back();
  }

  Rect cell_rect(size_t k) const {
    size_t col = k % static_cast<size_t>(layout_.columns);
    size_t row = k / static_cast<size_t>(layout_.columns);
    float gap = layout_.gap * pt_per_mm;
    return {content_.x + static_cast<float>(col) * (cell_w_ + gap),
            content_.y + static_cast<float>(row) * (cell_h_ + gap), cell_w_, cell_h_};
  }

  std::string continued_text(size_t i) const {
    return "Slide " + deck_.slides[i].label() + " (continued)";
  }

  // STEP 2: cells.
  void cells_make() {
    Rect cell = cell_rect(0);
    bool with_notes = layout_.notes && !layout_.ruled;
    Rect nb = with_notes ? cell_box(*layout_.notes, cell) : Rect{};
    float caption_h = 0;
    std::vector<size_t> with_notes_slides;
    for (size_t i : selection()) {
      if (with_notes && deck_.slides[i].notes != dom::no_node) with_notes_slides.push_back(i);
    }
    NotesAhead ahead;
    notes_ahead(ahead, with_notes_slides, nb.width);
    size_t next = 0;
    if (with_notes) caption_h = label_flow("continued", continued_text(0), nb.width).height;
    for (size_t i : selection()) {
      const deck::Slide& s = deck_.slides[i];
      if (!with_notes || s.notes == dom::no_node) {
        cells_.push_back({i, nullptr, false});
        continue;
      }
      ahead.work->take(next);
      layout::DisplayList flow = std::move(ahead.flows[next++]);
      float box_px = nb.height / pt_per_px;
      std::vector<FlowPiece> pieces = flow_split(flow, box_px, box_px - caption_h);
      for (size_t k = 0; k < pieces.size(); ++k) {
        const layout::DisplayList& piece = keep(flow_piece(flow, pieces, k));
        cells_.push_back({i, &piece, k > 0});
      }
    }
  }

  Page& page_new() {
    Page page;
    page.width = page_w_;
    page.height = page_h_;
    page.step = layout::print_state;
    out_.pages.push_back(std::move(page));
    layout::DisplayList chrome;
    chrome.width = page_w_;
    chrome.height = page_h_;
    chrome.background = {1, 1, 1, 0};
    chrome_ = &keep(std::move(chrome));
    chromes_.push_back(chrome_);
    Placement pl;
    pl.list = chrome_;
    pl.step = layout::print_state;
    out_.pages.back().placed.push_back(pl);
    return out_.pages.back();
  }

  void place(Page& page, const layout::DisplayList& list, float x, float y, float scale) {
    Placement pl;
    pl.list = &list;
    pl.step = layout::print_state;
    pl.t.scale = scale;
    pl.t.tx = x;
    pl.t.ty = y;
    page.placed.push_back(pl);
  }

  void rect(float x, float y, float w, float h, layout::Color fill, float stroke_width = 0,
            layout::Color stroke = {}) {
    layout::Item it;
    it.x = x;
    it.y = y;
    it.v = layout::RectItem{w, h, fill, stroke_width, stroke};
    chrome_->items.push_back(std::move(it));
  }

  void rule(float x, float y, float x2, float width, layout::Color color) {
    layout::Item it;
    it.x = x;
    it.y = y;
    it.v = layout::LineItem{x2, y, width, color};
    chrome_->items.push_back(std::move(it));
  }

  // The slide, fitted into `box`, on a background, in a thin frame.
  void slide_place(Page& page, size_t i, const Rect& box) {
    const layout::DisplayList& list = slides_[i];
    if (list.width <= 0 || list.height <= 0) return;
    float s = std::min(box.width / list.width, box.height / list.height);
    float w = list.width * s, h = list.height * s;
    float x = box.x + (box.width - w) / 2;
    float y = box.y + (layout_.slide_center ? (box.height - h) / 2 : 0);
    layout::Color bg = list.background;
    if (bg.a > 0) rect(x, y, w, h, bg);
    const float frame = 0.6f;
    rect(x - frame / 2, y - frame / 2, w + frame, h + frame, {0, 0, 0, 0}, frame,
         {0.55f, 0.55f, 0.55f, 1});
    place(page, list, x, y, s);
  }

  // STEP 3: pages of cells.
  void pages_make() {
    size_t per_page = static_cast<size_t>(layout_.columns * layout_.rows);
    Page* page = nullptr;
    for (size_t c = 0; c < cells_.size(); ++c) {
      size_t k = c % per_page;
      if (k == 0) page = &page_new();
      const Cell& cell = cells_[c];
      Rect r = cell_rect(k);
      if (page->slide < 0) page->slide = static_cast<int>(cell.slide);
      if (!cell.continued && !first_page_.count(static_cast<int>(cell.slide))) {
        first_page_[static_cast<int>(cell.slide)] = static_cast<int>(out_.pages.size() - 1);
      }
      slide_place(*page, cell.slide, cell_box(layout_.slide, r));
      if (!layout_.notes) continue;
      Rect nb = cell_box(*layout_.notes, r);
      if (layout_.ruled) {
        float gap = layout_.rule_gap * pt_per_mm;
        for (float y = nb.y + gap; y <= nb.y + nb.height + 0.01f; y += gap) {
          rule(nb.x, y, nb.x + nb.width, 0.4f, {0.7f, 0.7f, 0.7f, 1});
        }
        continue;
      }
      float y = nb.y;
      if (cell.continued) {
        const layout::DisplayList& cap =
            keep(label_flow("continued", continued_text(cell.slide), nb.width));
        place(*page, cap, nb.x, y, pt_per_px);
        y += cap.height * pt_per_px;
      }
      if (cell.notes) place(*page, *cell.notes, nb.x, y, pt_per_px);
    }
  }

  // --notes-only: headings and notes flowing down one column.
  void script() {
    float top = content_.y, bottom = content_.y + content_.height;
    float width = content_.width;
    float y = bottom;  // no page yet
    Page* page = nullptr;
    auto new_page = [&] {
      page = &page_new();
      y = top;
    };
    const float section_gap = 14;  // pt between slides
    std::vector<size_t> with_notes_slides;
    for (size_t i : selection()) {
      if (deck_.slides[i].notes != dom::no_node) with_notes_slides.push_back(i);
    }
    NotesAhead ahead;
    notes_ahead(ahead, with_notes_slides, width);
    size_t next = 0;
    for (size_t i : selection()) {
      const deck::Slide& s = deck_.slides[i];
      std::string heading_text =
          s.label() + "  " + (s.title.empty() ? "Slide " + s.label() : s.title);
      const layout::DisplayList& heading = keep(label_flow("slide-heading", heading_text, width));
      layout::DisplayList body;
      if (s.notes != dom::no_node) {
        ahead.work->take(next);
        body = std::move(ahead.flows[next++]);
      } else {
        body = label_flow("no-notes", "No notes.", width);
      }
      std::vector<FlowPiece> probe = flow_split(body, 0, 1e9f);  // the first block alone
      float first_h = (probe.empty() ? 0 : probe[0].bottom - probe[0].top) * pt_per_px;
      float heading_h = heading.height * pt_per_px;
      float gap = page && y > top ? section_gap : 0;
      // The heading stays with the first line of its notes.
      if (!page || y + gap + heading_h + first_h > bottom + 0.01f) {
        new_page();
        gap = 0;
      }
      y += gap;
      if (page->slide < 0) page->slide = static_cast<int>(i);
      first_page_[static_cast<int>(i)] = static_cast<int>(out_.pages.size() - 1);
      place(*page, heading, content_.x, y, pt_per_px);
      y += heading_h;
      float avail_px = (bottom - y) / pt_per_px;
      std::vector<FlowPiece> pieces = flow_split(body, avail_px, content_.height / pt_per_px);
      for (size_t k = 0; k < pieces.size(); ++k) {
        if (k > 0) new_page();
        const layout::DisplayList& piece = keep(flow_piece(body, pieces, k));
        place(*page, piece, content_.x, y, pt_per_px);
        y += piece.height * pt_per_px;
      }
    }
  }

  // Header, footer, labels, outline, links.
  void finish() {
    size_t total = out_.pages.size();
    float header_w = page_w_ - (layout_.margin_left + layout_.margin_right) * pt_per_mm;
    const layout::DisplayList* header = nullptr;
    if (layout_.header > 0 && !options_.title.empty()) {
      header = &keep(label_flow("handout-header", options_.title, header_w));
    }
    LabelsAhead footers;
    if (layout_.footer > 0) {
      std::vector<std::string> texts;
      for (size_t p = 0; p < total; ++p) {
        texts.push_back(std::to_string(p + 1) + " / " + std::to_string(total));
      }
      labels_ahead(footers, "handout-footer", texts, header_w);
    }
    for (size_t p = 0; p < total; ++p) {
      Page& page = out_.pages[p];
      page.label = std::to_string(p + 1);
      chrome_ = chromes_[p];
      float left = layout_.margin_left * pt_per_mm;
      if (header) {
        float hy = layout_.margin_top * pt_per_mm;
        place(page, *header, left, hy, pt_per_px);
        float ry = (layout_.margin_top + layout_.header) * pt_per_mm - 2.5f * pt_per_mm;
        ry = std::max(ry, hy + header->height * pt_per_px + 1);
        rule(left, ry, left + header_w, 0.5f, {0.6f, 0.6f, 0.6f, 1});
      }
      if (layout_.footer > 0) {
        footers.work->take(p);
        const layout::DisplayList& footer = keep(std::move(footers.flows[p]));
        float fy = page_h_ - (layout_.margin_bottom + layout_.footer) * pt_per_mm +
                   std::max(0.0f, layout_.footer * pt_per_mm - footer.height * pt_per_px);
        place(page, footer, left, fy, pt_per_px);
      }
    }
    // STEP 4: the outline: the page where each slide first appears, the
    // first new slide of a page (page.outline_title holds one entry).
    // One pass over the slides (not one per page): each page gets the
    // lowest-numbered slide that first appears on it.
    std::vector<int> first_slide(total, -1);
    for (const auto& [slide, page] : first_page_) {
      if (page >= 0 && static_cast<size_t>(page) < total && first_slide[page] < 0) {
        first_slide[page] = slide;
      }
    }
    int prev_h = -1;
    for (size_t p = 0; p < total; ++p) {
      if (first_slide[p] < 0) continue;
      Page& pg = out_.pages[p];
      if (!pg.outline_title.empty()) continue;
      const deck::Slide& s = deck_.slides[static_cast<size_t>(first_slide[p])];
      pg.outline_title = s.label() + "  " + (s.title.empty() ? "Slide " + s.label() : s.title);
      pg.outline_level = s.v > 1 && prev_h == s.h ? 1 : 0;
      prev_h = s.h;
    }
    for (layout::DisplayList* chrome : chromes_) layout::layers_group(*chrome);
    links_collect(deck_, out_.pages, {}, first_page_);
  }

  const deck::Deck& deck_;
  const std::vector<layout::DisplayList>& slides_;
  const HandoutLayout& layout_;
  NotesContext& nc_;
  const HandoutOptions& options_;
  Handout& out_;
  style::Resolver resolver_;
  layout::Context notes_ctx_;  // what notes are laid out with
  float page_w_ = 0, page_h_ = 0;
  Rect content_;
  float cell_w_ = 0, cell_h_ = 0;
  std::vector<Cell> cells_;
  layout::DisplayList* chrome_ = nullptr;      // the current page's
  std::vector<layout::DisplayList*> chromes_;  // per page
  std::map<int, int> first_page_;              // slide -> the page it first appears on
  struct Label {
    dom::Document doc;
    dom::NodeId aside = 0, text = 0;
    std::optional<style::Resolver> resolver;  // of `doc`
    style::ComputedStyle root;
  };
  std::map<std::string, std::unique_ptr<Label>> labels_;  // label_flow()'s, by class
};

}  // namespace

Handout compose_handout(const deck::Deck& deck, const std::vector<layout::DisplayList>& slides,
                        const HandoutLayout& layout, NotesContext& notes,
                        const HandoutOptions& options) {
  Handout out;
  Builder(deck, slides, layout, notes, options, out).build();
  layers_show(out.pages);
  return out;
}

}  // namespace deckpdf::compose

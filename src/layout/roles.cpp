// layout/roles — the structure elements of a list from the DOM, and each
// item's element (roles.h).
#include "layout/roles.h"

#include <algorithm>
#include <array>

#include "layout/layout.h"

namespace deckpdf::layout {

namespace {

// Whether UTF-8 text holds Hebrew, Arabic, Syriac, Thaana or NKo
// (U+0590-U+07FF: lead bytes 0xD6-0xDF) or their presentation forms
// (U+FB1D-U+FEFC: EF AC-EF BB).
bool has_rtl(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xD6 && c <= 0xDF) return true;
    if (c == 0xEF && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0xAC && d <= 0xBB) return true;
    }
  }
  return false;
}

bool is_gutter(const dom::Node& n) {
  return n.tag == "td" && n.has_class("hljs-ln-numbers");
}

// The elements of one list, made as items ask for them: an element's
// parent is its nearest ancestor with a role, made first.
class Builder {
 public:
  Builder(Context& ctx, dom::NodeId root) : ctx_(ctx), root_(root) {
    Structure::Element e;
    const dom::Node& n = ctx.doc[root];
    e.role = n.tag == "aside" ? Role::Note : Role::Sect;
    if (const std::string* lang = n.attr("lang")) e.lang = *lang;
    s_->elements.push_back(std::move(e));
  }

  // The element that the content of `id` belongs to; -1 for an artifact.
  int element(dom::NodeId id) {
    if (id == dom::no_node || id == root_) return 0;
    auto it = memo_.find(id);
    if (it != memo_.end()) return it->second;
    const dom::Node& n = ctx_.doc[id];
    int parent = 0;
    for (dom::NodeId a = n.parent; a != dom::no_node && a != root_; a = ctx_.doc[a].parent) {
      if (role_of(ctx_.doc[a]) != Role::None) {
        parent = element(a);
        break;
      }
    }
    int e = parent < 0 ? -1 : made(id, n, parent);
    memo_.emplace(id, e);
    return e;
  }

  // The Lbl of list item `li` (its number), beside its LBody.
  int label(dom::NodeId li, int body) {
    auto it = labels_.find(li);
    if (it != labels_.end()) return it->second;
    int item = body >= 0 ? s_->elements[static_cast<size_t>(body)].parent : -1;
    int e = item >= 0 ? add(Role::Lbl, item, s_->elements[static_cast<size_t>(item)].order) : -1;
    labels_.emplace(li, e);
    return e;
  }

  Role role(int e) const { return s_->elements[static_cast<size_t>(e)].role; }
  std::shared_ptr<Structure> done() { return std::move(s_); }

 private:
  int add(Role r, int parent, uint32_t order) {
    Structure::Element e;
    e.role = r;
    e.parent = parent;
    e.order = order;
    s_->elements.push_back(std::move(e));
    return static_cast<int>(s_->elements.size() - 1);
  }

  int made(dom::NodeId id, const dom::Node& n, int parent) {
    Role r = role_of(n);
    Role up = s_->elements[static_cast<size_t>(parent)].role;
    if (r == Role::Artifact) return -1;
    // Code is read as code: its highlighting's tables and spans are not
    // structure of their own (a line-number gutter is an artifact above).
    if (up == Role::Code) return parent;
    if (r == Role::None) {
      if (parent == 0 && n.parent == root_ && n.kind == dom::NodeKind::Element) {
        r = Role::Div;
      } else if (n.attr("lang")) {
        r = Role::Span;
      } else {
        return parent;
      }
    }
    uint32_t order = s_->elements[static_cast<size_t>(parent)].order;
    if (parent == 0) {
      // Its place among the root's children (1-based; the root's own text first).
      const std::vector<dom::NodeId>& kids = ctx_.doc[root_].children;
      order = static_cast<uint32_t>(std::find(kids.begin(), kids.end(), id) - kids.begin()) + 1;
    }
    if (r == Role::LI) {
      // A bare `li` (no ul or ol, which reveal.js decks write) is still in
      // a list: one L per parent element for its bare items.
      if (up != Role::L) {
        auto [it, added] = bare_lists_.try_emplace(parent, 0);
        if (added) it->second = add(Role::L, parent, order);
        parent = it->second;
      }
      parent = add(Role::LI, parent, order);
      r = Role::LBody;
    }
    int e = add(r, parent, order);
    Structure::Element& el = s_->elements[static_cast<size_t>(e)];
    if (const std::string* lang = n.attr("lang")) el.lang = *lang;
    if (r == Role::TH) el.scope = th_scope(id);
    if (r != Role::Formula && r != Role::Figure && r != Role::Code) {
      std::string text = ctx_.doc.text_content(id);
      if (has_rtl(text)) el.actual = std::move(text);
    }
    if (r == Role::Formula) {
      if (const std::string* tex = n.attr("tex")) el.alt = *tex;
    } else if (r == Role::Figure) {
      const std::string* alt = n.attr(n.tag == "img" ? "alt" : "aria-label");
      if (alt) el.alt = *alt;
      if (el.alt.empty() && n.tag == "svg") {
        for (dom::NodeId c : n.children) {
          if (ctx_.doc[c].tag == "title") el.alt = ctx_.doc.text_content(c);
        }
      }
      if (el.alt.empty()) {
        ctx_.diags.warning(n.span, "tagged.alt",
                           "a picture without alt text: a screen reader cannot say what it "
                           "shows; add alt=\"...\" (alt=\"\" for a decorative one)");
      }
    }
    return e;
  }

  // A header cell's scope: as its `scope` says; else a cell of a thead or
  // of a row of header cells only heads its column, and the first cell of
  // another row heads its row.
  const char* th_scope(dom::NodeId id) const {
    const dom::Node& th = ctx_.doc[id];
    if (const std::string* scope = th.attr("scope")) {
      if (*scope == "row" || *scope == "rowgroup") return "Row";
      if (*scope == "col" || *scope == "colgroup") return "Column";
    }
    const dom::NodeId tr = th.parent;
    if (tr == dom::no_node) return "Column";
    const dom::NodeId group = ctx_.doc[tr].parent;
    if (group != dom::no_node && ctx_.doc[group].tag == "thead") return "Column";
    bool all_headers = true, first = true, is_first = false;
    for (dom::NodeId c : ctx_.doc[tr].children) {
      const dom::Node& cell = ctx_.doc[c];
      if (cell.kind != dom::NodeKind::Element) continue;
      if (first) is_first = c == id;
      first = false;
      all_headers = all_headers && cell.tag == "th";
    }
    return all_headers || !is_first ? "Column" : "Row";
  }

  Context& ctx_;
  dom::NodeId root_;
  std::shared_ptr<Structure> s_ = std::make_shared<Structure>();
  std::unordered_map<dom::NodeId, int> memo_, labels_;
  std::unordered_map<int, int> bare_lists_;  // parent element -> the L of its bare items
};

}  // namespace

const char* role_name(Role r) {
  static constexpr std::array<const char*, 27> names{
      "",   "",       "Sect",    "Note", "H1",   "H2",         "H3",      "H4",   "H5",
      "H6", "P",      "L",       "LI",   "Lbl",  "LBody",      "Table",   "TR",   "TH",
      "TD", "Figure", "Formula", "Code", "Link", "BlockQuote", "Caption", "Span", "Div"};
  return names[static_cast<size_t>(r)];
}

Role role_of(const dom::Node& n) {
  if (n.kind != dom::NodeKind::Element) return Role::None;
  const std::string& t = n.tag;
  if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') {
    return static_cast<Role>(static_cast<int>(Role::H1) + (t[1] - '1'));
  }
  if (t == "p") return Role::P;
  if (t == "ul" || t == "ol") return Role::L;
  if (t == "li") return Role::LI;
  if (t == "table") return Role::Table;
  if (t == "tr") return Role::TR;
  if (t == "th") return Role::TH;
  if (is_gutter(n)) return Role::Artifact;
  if (t == "td") return Role::TD;
  if (t == "img") {
    const std::string* alt = n.attr("alt");
    return alt && alt->empty() ? Role::Artifact : Role::Figure;
  }
  if (t == "svg") return Role::Figure;
  if (t == "deckpdf-math" || t == "deckpdf-math-display") return Role::Formula;
  if (t == "pre" || t == "code") return Role::Code;
  if (t == "a" && n.attr("href")) return Role::Link;
  if (t == "blockquote") return Role::BlockQuote;
  if (t == "figcaption" || t == "caption") return Role::Caption;
  if (n.attr("lang")) return Role::Span;
  return Role::None;
}

std::shared_ptr<const Structure> roles_resolve(Context& ctx, dom::NodeId root,
                                               const std::vector<dom::NodeId>& nodes,
                                               const std::vector<bool>& labels,
                                               std::vector<Item>& items) {
  Builder b(ctx, root);
  for (size_t i = 0; i < items.size(); ++i) {
    Item& it = items[i];
    it.tag = 0;
    dom::NodeId id = i < nodes.size() ? nodes[i] : dom::no_node;
    // Frames, rules, bullets: decoration. Paths are read only as part of a
    // picture (an SVG's Figure).
    bool ink = std::holds_alternative<TextItem>(it.v) || std::holds_alternative<ImageItem>(it.v) ||
               std::holds_alternative<LinkItem>(it.v) || std::holds_alternative<PathItem>(it.v);
    if (!ink) continue;
    int e = b.element(id);
    if (e < 0) continue;
    Role r = b.role(e);
    bool picture = r == Role::Figure || r == Role::Formula;
    if (!picture &&
        (std::holds_alternative<ImageItem>(it.v) || std::holds_alternative<PathItem>(it.v))) {
      continue;  // a slide's background picture, a box's gradient
    }
    if (r == Role::LBody && i < labels.size() && labels[i] && id != dom::no_node) {
      e = b.label(id, e);
      if (e < 0) continue;
    }
    it.tag = e + 1;
  }
  return b.done();
}

}  // namespace deckpdf::layout

#include "deck/deck.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace deckpdf::deck {

namespace {

bool is_element(const dom::Node& n, std::string_view tag) {
  return n.kind == dom::NodeKind::Element && n.tag == tag;
}

bool is_notes(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element && n.has_class("notes") && n.tag == "aside";
}

bool is_heading(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element && n.tag.size() == 2 && n.tag[0] == 'h' &&
         n.tag[1] >= '1' && n.tag[1] <= '6';
}

std::string squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

FragmentStyle style_of(const dom::Node& n, std::string& highlight) {
  for (const std::string& c : n.classes) {
    if (c == "fade-out") return FragmentStyle::FadeOut;
    if (c == "fade-in-then-out" || c == "current-visible") return FragmentStyle::FadeInThenOut;
    if (c == "semi-fade-out") return FragmentStyle::SemiFadeOut;
    if (c == "fade-in-then-semi-out") return FragmentStyle::FadeInThenSemiOut;
    if (c == "strike") return FragmentStyle::Strike;
    if (c == "grow") return FragmentStyle::Grow;
    if (c == "shrink") return FragmentStyle::Shrink;
    if (c.rfind("highlight-current-", 0) == 0) {
      highlight = c.substr(18);
      return FragmentStyle::HighlightCurrent;
    }
    if (c.rfind("highlight-", 0) == 0) {
      highlight = c.substr(10);
      return FragmentStyle::Highlight;
    }
  }
  return FragmentStyle::Appear;
}

// Collects the slide's fragments in document order, skipping the notes and
// nested slides.
void collect_fragments(const dom::Document& doc, dom::NodeId id, std::vector<dom::NodeId>& out) {
  std::vector<dom::NodeId> stack(doc[id].children.rbegin(), doc[id].children.rend());
  while (!stack.empty()) {
    dom::NodeId c = stack.back();
    stack.pop_back();
    const dom::Node& n = doc[c];
    if (n.kind != dom::NodeKind::Element || is_notes(n) || n.tag == "section") continue;
    if (n.has_class("fragment") && !n.has_class("disabled")) out.push_back(c);
    stack.insert(stack.end(), n.children.rbegin(), n.children.rend());
  }
}

std::string find_title(const dom::Document& doc, dom::NodeId id) {
  std::vector<dom::NodeId> stack(doc[id].children.rbegin(), doc[id].children.rend());
  while (!stack.empty()) {
    dom::NodeId c = stack.back();
    stack.pop_back();
    const dom::Node& n = doc[c];
    if (n.kind != dom::NodeKind::Element || is_notes(n) || n.tag == "section") continue;
    if (is_heading(n)) return squash(doc.text_content(c));
    stack.insert(stack.end(), n.children.rbegin(), n.children.rend());
  }
  return {};
}

Slide make_slide(const dom::Document& doc, dom::NodeId section, int h, int v,
                 Diagnostics& diags) {
  Slide s;
  s.section = section;
  s.h = h;
  s.v = v;
  s.span = doc[section].span;
  s.title = find_title(doc, section);
  for (dom::NodeId c : doc[section].children) {
    if (is_notes(doc[c]) && s.notes == dom::no_node) s.notes = c;
  }
  // reveal.js sortFragments(): fragments with data-fragment-index are
  // grouped by its value in ascending order; the others follow in document
  // order, one step each.
  std::vector<dom::NodeId> all;
  collect_fragments(doc, section, all);
  std::map<long, std::vector<dom::NodeId>> indexed;
  std::vector<dom::NodeId> unindexed;
  for (dom::NodeId f : all) {
    const std::string* idx = doc[f].attr("data-fragment-index");
    if (idx) {
      long value = 0;
      auto r = std::from_chars(idx->data(), idx->data() + idx->size(), value);
      if (r.ec == std::errc() && r.ptr == idx->data() + idx->size()) {
        indexed[value].push_back(f);
        continue;
      }
      diags.warning(doc[f].span, "deck.fragment-index",
                    "data-fragment-index=\"" + *idx +
                        "\" is not a whole number; the fragment is placed in document order");
    }
    unindexed.push_back(f);
  }
  int step = 0;
  auto add = [&](dom::NodeId f) {
    Fragment fr;
    fr.node = f;
    fr.step = step;
    fr.style = style_of(doc[f], fr.highlight);
    s.fragment_index[f] = s.fragments.size();
    s.fragments.push_back(fr);
  };
  for (auto& [value, group] : indexed) {
    ++step;
    for (dom::NodeId f : group) add(f);
  }
  for (dom::NodeId f : unindexed) {
    ++step;
    add(f);
  }
  s.step_count = step;
  return s;
}

}  // namespace

int Slide::step_of(dom::NodeId id) const {
  auto it = fragment_index.find(id);
  return it == fragment_index.end() ? 0 : fragments[it->second].step;
}

std::string Slide::label() const {
  return v > 0 ? std::to_string(h) + "." + std::to_string(v) : std::to_string(h);
}

Deck deck_build(const dom::Document& doc, const FrontMatter& front, Diagnostics& diags) {
  Deck d;
  auto meta = [&](const char* key, std::string& out) {
    if (auto v = front.get(key)) out = *v;
  };
  meta("title", d.meta.title);
  meta("author", d.meta.author);
  meta("subject", d.meta.subject);
  meta("description", d.meta.subject);
  meta("keywords", d.meta.keywords);
  meta("date", d.meta.date);
  meta("theme", d.meta.theme);
  meta("size", d.meta.size);

  // Top-level sections are slides; a top-level section holding sections is
  // a vertical stack whose children are the slides. Sections may sit inside
  // wrappers (`.reveal > .slides`), so look through other elements.
  int h = 0;
  std::vector<dom::NodeId> stack(doc[doc.root].children.rbegin(), doc[doc.root].children.rend());
  while (!stack.empty()) {
    dom::NodeId id = stack.back();
    stack.pop_back();
    const dom::Node& n = doc[id];
    if (n.kind != dom::NodeKind::Element) continue;
    if (!is_element(n, "section")) {
      stack.insert(stack.end(), n.children.rbegin(), n.children.rend());
      continue;
    }
    ++h;
    std::vector<dom::NodeId> inner;
    for (dom::NodeId c : n.children) {
      if (is_element(doc[c], "section")) inner.push_back(c);
    }
    if (inner.empty()) {
      d.slides.push_back(make_slide(doc, id, h, 0, diags));
    } else {
      int v = 0;
      for (dom::NodeId c : inner) d.slides.push_back(make_slide(doc, c, h, ++v, diags));
    }
  }
  if (d.meta.title.empty() && !d.slides.empty()) d.meta.title = d.slides.front().title;
  return d;
}

}  // namespace deckpdf::deck

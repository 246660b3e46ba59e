#include "deck/deck.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>

#include "deck/classes.h"
#include "deck/structure.h"
#include "source/strings.h"

namespace deckpdf::deck {

namespace {

bool is_element(const dom::Node& n, std::string_view tag) {
  return n.kind == dom::NodeKind::Element && n.tag == tag;
}

bool is_notes(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element && n.has_class("notes") && n.tag == "aside";
}

// reveal.js removes `data-visibility="hidden"` slides before it numbers
// any (removeHiddenSlides): they are not printed and take no number.
bool is_hidden(const dom::Node& n) {
  const std::string* v = n.attr("data-visibility");
  return v && *v == "hidden";
}

bool is_heading(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element && n.tag.size() == 2 && n.tag[0] == 'h' &&
         n.tag[1] >= '1' && n.tag[1] <= '6';
}

std::string squash(const std::string& s) {
  return squash_spaces(s);
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
    // reveal.css styles only these three colours; another highlight-* class
    // is no fragment style, so the fragment fades in.
    for (const char* colour : {"red", "green", "blue"}) {
      if (c == std::string("highlight-current-") + colour) {
        highlight = colour;
        return FragmentStyle::HighlightCurrent;
      }
      if (c == std::string("highlight-") + colour) {
        highlight = colour;
        return FragmentStyle::Highlight;
      }
    }
  }
  return FragmentStyle::Appear;
}

// Visits the slide's own elements below `id` in document order, skipping
// its notes and nested slides, until `visit` returns false.
template <typename Visit>
void slide_elements(const dom::Document& doc, dom::NodeId id, Visit visit) {
  std::vector<dom::NodeId> stack(doc[id].children.rbegin(), doc[id].children.rend());
  while (!stack.empty()) {
    dom::NodeId c = stack.back();
    stack.pop_back();
    const dom::Node& n = doc[c];
    if (n.kind != dom::NodeKind::Element || is_notes(n) || n.tag == "section") continue;
    if (!visit(c, n)) return;
    stack.insert(stack.end(), n.children.rbegin(), n.children.rend());
  }
}

// The highlight plugin's line-highlight steps: a `code.hljs` first in its
// parent, followed there by copies of itself that are fragments, each
// stacked over the one before (`.hljs:not(:first-child).fragment`).
void collect_code_steps(const dom::Document& doc, Slide& s) {
  auto is_code = [&](dom::NodeId id) { return doc[id].tag == "code" && doc[id].has_class("hljs"); };
  for (const Fragment& f : s.fragments) {
    if (f.step == never_step || !is_code(f.node) || s.code_step_copies.count(f.node)) continue;
    const dom::NodeId parent = doc[f.node].parent;
    dom::NodeId block = dom::no_node;
    int last = 0;
    for (dom::NodeId c : doc[parent].children) {
      if (doc[c].kind != dom::NodeKind::Element) continue;
      if (block == dom::no_node) {
        if (!is_code(c)) break;  // not the plugin's shape
        block = c;
        last = s.step_of(c);
        continue;
      }
      const Fragment* copy = s.fragment_of(c);
      // A copy shows over the block only after it; steps count on.
      if (!is_code(c) || !copy || copy->step == never_step || copy->step < last) break;
      last = copy->step;
      s.code_steps[block].push_back({copy->step, c});
      s.code_step_copies.emplace(c, block);
    }
  }
}

// Collects the slide's fragments in document order.
void collect_fragments(const dom::Document& doc, dom::NodeId id, std::vector<dom::NodeId>& out) {
  slide_elements(doc, id, [&](dom::NodeId c, const dom::Node& n) {
    if (n.has_class("fragment") && !n.has_class("disabled")) out.push_back(c);
    return true;
  });
}

// Records the ids of `id` and its descendants as being on slide `slide`;
// an id seen before keeps its first slide (getElementById's first match).
void index_ids(const dom::Document& doc, dom::NodeId id, size_t slide,
               std::unordered_map<std::string, size_t>& ids) {
  std::vector<dom::NodeId> stack{id};
  while (!stack.empty()) {
    dom::NodeId c = stack.back();
    stack.pop_back();
    const dom::Node& n = doc[c];
    if (n.kind != dom::NodeKind::Element) continue;
    if (const std::string* value = n.attr("id"); value && !value->empty()) {
      ids.emplace(*value, slide);
    }
    stack.insert(stack.end(), n.children.rbegin(), n.children.rend());
  }
}

// The text of the slide's first heading, or "".
std::string find_title(const dom::Document& doc, dom::NodeId id) {
  std::string title;
  slide_elements(doc, id, [&](dom::NodeId c, const dom::Node& n) {
    if (!is_heading(n)) return true;
    title = squash(doc.text_content(c));
    return false;
  });
  return title;
}

Slide make_slide(const dom::Document& doc, dom::NodeId section, int h, int v, Diagnostics& diags) {
  Slide s;
  s.section = section;
  s.h = h;
  s.v = v;
  s.span = doc[section].span;
  const std::string* visibility = doc[section].attr("data-visibility");
  s.uncounted = visibility && *visibility == "uncounted";
  s.title = find_title(doc, section);
  for (dom::NodeId c : doc[section].children) {
    if (is_notes(doc[c]) && s.notes == dom::no_node) s.notes = c;
  }
  // reveal.js Fragments.sort() (js/controllers/fragments.js):
  //   STEP 1  fragments with data-fragment-index go to group
  //           parseInt(value, 10); the others get a group each, in document
  //           order, after every indexed group;
  //   STEP 2  groups are numbered from 0 without gaps; group g shows at
  //           step g + 1 here (step 0 is the slide before any fragment).
  // A value that parseInt() reads as NaN or a negative number becomes a
  // property of the array, not an element, so sort() drops the fragment:
  // reveal.js never steps to it and it keeps its state before any step.
  std::vector<dom::NodeId> all;
  collect_fragments(doc, section, all);
  std::map<long long, std::vector<dom::NodeId>> indexed;
  std::vector<dom::NodeId> unindexed, dropped;
  for (dom::NodeId f : all) {
    const std::string* idx = doc[f].attr("data-fragment-index");
    if (!idx) {
      unindexed.push_back(f);
      continue;
    }
    // parseInt: leading white space, an optional sign, then digits; the
    // rest is ignored.
    size_t i = 0;
    while (i < idx->size() && (*idx)[i] != 0 && std::strchr(" \t\n\r\f\v", (*idx)[i])) ++i;
    bool negative = i < idx->size() && (*idx)[i] == '-';
    if (i < idx->size() && ((*idx)[i] == '-' || (*idx)[i] == '+')) ++i;
    long long value = 0;
    size_t digits = 0;
    while (i < idx->size() && (*idx)[i] >= '0' && (*idx)[i] <= '9' && value < 10000000000LL) {
      value = value * 10 + ((*idx)[i++] - '0');
      ++digits;
    }
    if (digits > 0 && (!negative || value == 0) && value <= 4294967294LL) {
      indexed[value].push_back(f);
      continue;
    }
    diags.warning(doc[f].span, "deck.fragment-index",
                  "data-fragment-index=\"" + *idx +
                      "\" is not a whole number >= 0; reveal.js never shows this fragment's "
                      "step, so it stays as it is before any step");
    dropped.push_back(f);
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
  step = never_step;
  for (dom::NodeId f : dropped) add(f);
  collect_code_steps(doc, s);
  return s;
}

}  // namespace

int Slide::step_of(dom::NodeId id) const {
  auto it = fragment_index.find(id);
  return it == fragment_index.end() ? 0 : fragments[it->second].step;
}

const Fragment* Slide::fragment_of(dom::NodeId id) const {
  auto it = fragment_index.find(id);
  return it == fragment_index.end() ? nullptr : &fragments[it->second];
}

std::optional<LinkTarget> Deck::link_resolve(std::string_view href) const {
  if (href.empty() || href[0] != '#' || slides.empty()) return std::nullopt;
  std::string_view name = href.substr(1);
  if (!name.empty() && name[0] == '/') name.remove_prefix(1);
  std::vector<std::string_view> bits;
  for (size_t at = 0;;) {
    size_t slash = name.find('/', at);
    bits.push_back(name.substr(at, slash == std::string_view::npos ? slash : slash - at));
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  // parseInt(bit, 10), or nothing when the bit does not start with a number.
  auto number = [](std::string_view bit) -> std::optional<long> {
    long v = 0;
    auto r = std::from_chars(bit.data(), bit.data() + bit.size(), v);
    if (r.ec != std::errc()) return std::nullopt;
    return v;
  };
  bool numeric =
      std::all_of(bits[0].begin(), bits[0].end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!numeric && !name.empty()) {
    // A named link, optionally with a fragment: "#/intro/2".
    std::string_view id = name;
    std::optional<long> f;
    if (bits.size() > 1) {
      f = number(bits.back());
      if (f) id = name.substr(0, name.rfind('/'));
    }
    auto it = ids.find(std::string(id));
    if (it == ids.end()) return std::nullopt;
    LinkTarget t{it->second, -1};
    if (f) t.step = static_cast<int>(std::clamp<long>(*f + 1, 0, slides[t.slide].step_count));
    return t;
  }
  long h = bits.size() > 0 ? number(bits[0]).value_or(0) : 0;
  long v = bits.size() > 1 ? number(bits[1]).value_or(0) : 0;
  std::optional<long> f = bits.size() > 2 ? number(bits[2]) : std::nullopt;
  // Reveal.slide(h, v) clamps both indices to the slides there are.
  int last_h = slides.back().h;
  int want_h = static_cast<int>(std::clamp<long>(h, 0, last_h - 1)) + 1;
  size_t first = 0;
  while (slides[first].h != want_h) ++first;
  size_t end = first;
  while (end < slides.size() && slides[end].h == want_h) ++end;
  LinkTarget t;
  t.slide = first + static_cast<size_t>(std::clamp<long>(v, 0, static_cast<long>(end - first) - 1));
  if (f) t.step = static_cast<int>(std::clamp<long>(*f + 1, 0, slides[t.slide].step_count));
  return t;
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
  meta("event", d.meta.event);
  meta("lang", d.meta.lang);
  meta("theme", d.meta.theme);
  meta("size", d.meta.size);
  meta("slideNumber", d.meta.slide_number);
  meta("slide-number", d.meta.slide_number);
  d.meta.date_seconds = front.date;
  if (auto v = front.get("center")) {
    if (*v == "false" || *v == "true") {
      d.meta.center = *v == "true";
    } else {
      diags.warning(front.span, "deck.center",
                    "front matter 'center: " + *v +
                        "' is neither true nor false; slides are centred, as reveal.js's default");
    }
  }

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
    if (is_hidden(n)) continue;
    std::vector<dom::NodeId> inner;
    bool stack_of_hidden = false;
    for (dom::NodeId c : n.children) {
      if (!is_element(doc[c], "section")) continue;
      stack_of_hidden = true;
      if (!is_hidden(doc[c])) inner.push_back(c);
    }
    // A stack whose every slide is hidden is left out with them.
    if (inner.empty() && stack_of_hidden) continue;
    ++h;
    size_t first = d.slides.size();
    if (inner.empty()) {
      d.slides.push_back(make_slide(doc, id, h, 0, diags));
    } else {
      int v = 0;
      for (dom::NodeId c : inner) {
        size_t index = d.slides.size();
        d.slides.push_back(make_slide(doc, c, h, ++v, diags));
        index_ids(doc, c, index, d.ids);
      }
    }
    index_ids(doc, id, first, d.ids);
  }
  if (d.meta.title.empty() && !d.slides.empty()) d.meta.title = d.slides.front().title;
  structure_check(doc, d, diags);
  classes_check(doc, d, diags);
  return d;
}

}  // namespace deckpdf::deck

// highlight/line_steps — line highlights and their steps (see line_steps.h).
#include "highlight/line_steps.h"

#include <algorithm>
#include <cstdlib>

namespace deckpdf::highlight {

namespace {

// JavaScript's parseInt for the digits-and-dashes text the plugin passes
// it: the leading digits, or nothing (NaN) when there are none. Numbers
// past any table's rows are kept past them.
bool parse_int(std::string_view text, long& out) {
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return false;
  out = 0;
  for (size_t k = 0; k < digits; ++k) {
    out = std::min<long>(out * 10 + (text[k] - '0'), 1'000'000'000);
  }
  return true;
}

void set_attr(dom::Node& node, std::string_view name, std::string value) {
  for (dom::Attr& attr : node.attrs) {
    if (attr.name == name) {
      attr.value = std::move(value);
      attr.boolean = false;
      return;
    }
  }
  dom::Attr attr;
  attr.name = std::string(name);
  attr.value = std::move(value);
  node.attrs.push_back(std::move(attr));
}

void remove_attr(dom::Node& node, std::string_view name) {
  std::erase_if(node.attrs, [&](const dom::Attr& attr) { return attr.name == name; });
}

void add_class(dom::Node& node, const char* name) {
  if (!node.has_class(name)) node.classes.push_back(name);
}

// A copy of the subtree at `id` appended to `parent`, down to the rows of
// its table: a step's copy is drawn as its block with other lines bright
// (deck.h), so the rows and their classes are all that it needs; their
// cells, a block's bulk, stay the block's.
dom::NodeId clone(dom::Document& doc, dom::NodeId id, dom::NodeId parent) {
  dom::Node copy;
  {
    const dom::Node& from = doc[id];  // not kept: add() may move the nodes
    copy.kind = from.kind;
    copy.tag = from.tag;
    copy.classes = from.classes;
    copy.attrs = from.attrs;
    copy.text = from.text;
    copy.span = from.span;
  }
  const bool row = copy.tag == "tr";
  const dom::NodeId out = doc.add(std::move(copy), parent);
  if (row) return out;
  for (size_t k = 0; k < doc[id].children.size(); ++k) clone(doc, doc[id].children[k], out);
  return out;
}

// The plugin's highlightLines: `table tr:nth-child(n+a):nth-child(-n+b)`
// (or `:nth-child(a)`) of the block's tables gets `highlight-line`, and the
// block `has-highlights` when a row did.
void highlight_lines(dom::Document& doc, dom::NodeId code, const LineStep& step) {
  bool any = false;
  auto walk = [&](auto&& self, dom::NodeId id, bool table) -> void {
    long position = 0;  // among the element's elements: what nth-child counts
    for (size_t k = 0; k < doc[id].children.size(); ++k) {
      const dom::NodeId child = doc[id].children[k];
      if (doc[child].kind != dom::NodeKind::Element) continue;
      ++position;
      if (table && doc[child].tag == "tr") {
        for (const LineRange& range : step) {
          const bool in =
              range.start > 0 && (range.end ? position >= range.start && position <= range.end
                                            : position == range.start);
          if (in) {
            add_class(doc[child], "highlight-line");
            any = true;
          }
        }
      }
      self(self, child, table || doc[child].tag == "table");
    }
  };
  walk(walk, code, false);
  if (any) add_class(doc[code], "has-highlights");
}

// The nodes clone() copies of the subtree at `id`.
size_t copied_size(const dom::Document& doc, dom::NodeId id) {
  size_t out = 1;
  if (doc[id].tag == "tr") return out;
  for (dom::NodeId child : doc[id].children) out += copied_size(doc, child);
  return out;
}

}  // namespace

std::vector<LineStep> line_steps_parse(std::string_view value) {
  std::string text;
  for (char c : value) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') text += c;
  }
  std::vector<LineStep> steps;
  size_t start = 0;
  for (;;) {
    size_t bar = text.find('|', start);
    std::string_view step_text =
        std::string_view(text).substr(start, bar == std::string::npos ? bar : bar - start);
    LineStep step;
    size_t from = 0;
    for (;;) {
      size_t comma = step_text.find(',', from);
      std::string_view range_text =
          step_text.substr(from, comma == std::string_view::npos ? comma : comma - from);
      LineRange range;
      // /^[\d-]+$/, then split at '-': parseInt of the first two parts.
      const bool numeric = !range_text.empty() &&
                           range_text.find_first_not_of("0123456789-") == std::string_view::npos;
      if (numeric) {
        size_t dash = range_text.find('-');
        long first = 0, last = 0;
        const bool has_first = parse_int(range_text.substr(0, dash), first);
        std::string_view second;
        if (dash != std::string_view::npos) {
          second = range_text.substr(dash + 1);
          second = second.substr(0, second.find('-'));
        }
        const bool has_last = parse_int(second, last);
        // A NaN start with a number end makes the plugin's selector
        // invalid: nothing is highlighted.
        if (has_first && first > 0) {
          range.start = first;
          range.end = has_last ? std::max(last, 0L) : 0;
          if (has_last && last < first) range.start = 0;  // an empty nth-child range
        }
      }
      step.push_back(range);
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    steps.push_back(std::move(step));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return steps;
}

std::string line_step_serialize(const LineStep& step) {
  std::string out;
  for (size_t k = 0; k < step.size(); ++k) {
    if (k > 0) out += ',';
    if (step[k].start > 0) {
      out += std::to_string(step[k].start);
      if (step[k].end) out += '-' + std::to_string(step[k].end);
    }
  }
  return out;
}

void line_steps_apply(dom::Document& doc, dom::NodeId code, size_t& copied_nodes,
                      Diagnostics& diags) {
  const std::string* value = doc[code].attr("data-line-numbers");
  if (!value) return;
  std::vector<LineStep> steps = line_steps_parse(*value);
  if (steps.size() > 1) {
    // Each step copies the block: within a budget of nodes per export.
    const size_t size = copied_size(doc, code);
    const size_t room = copied_nodes < max_copied_nodes ? max_copied_nodes - copied_nodes : 0;
    const size_t copies = std::min(steps.size() - 1, room / size);
    if (copies < steps.size() - 1) {
      diags.warning(doc[code].span, "highlight.too-many-steps",
                    "this code block's " + std::to_string(steps.size()) +
                        " line-highlight steps would copy it past the limit of " +
                        std::to_string(max_copied_nodes) + " elements; only the first " +
                        std::to_string(copies + 1) + " are made");
      steps.resize(copies + 1);
    }
    copied_nodes += copies * size;
    const dom::NodeId parent = doc[code].parent;
    // parseInt(data-fragment-index): white space, a sign, digits.
    const std::string* given = doc[code].attr("data-fragment-index");
    char* end = nullptr;
    long index = given ? std::strtol(given->c_str(), &end, 10) : 0;
    const bool counted = given && end != given->c_str();
    for (size_t k = 1; k < steps.size(); ++k) {
      const dom::NodeId copy = clone(doc, code, parent);
      set_attr(doc[copy], "data-line-numbers", line_step_serialize(steps[k]));
      add_class(doc[copy], "fragment");
      highlight_lines(doc, copy, steps[k]);
      if (counted) {
        set_attr(doc[copy], "data-fragment-index", std::to_string(index++));
      } else {
        remove_attr(doc[copy], "data-fragment-index");
      }
    }
    remove_attr(doc[code], "data-fragment-index");
    set_attr(doc[code], "data-line-numbers", line_step_serialize(steps[0]));
  }
  highlight_lines(doc, code, steps[0]);
}

}  // namespace deckpdf::highlight

// highlight/line_numbers — the line-number table (see line_numbers.h).
#include "highlight/line_numbers.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace deckpdf::highlight {

namespace {

dom::NodeId element(dom::Document& doc, dom::NodeId parent, const char* tag,
                    std::vector<std::string> classes, Span span) {
  dom::Node node;
  node.tag = tag;
  node.classes = std::move(classes);
  node.span = span;
  return doc.add(std::move(node), parent);
}

void text(dom::Document& doc, dom::NodeId parent, std::string value, Span span) {
  dom::Node node;
  node.kind = dom::NodeKind::Text;
  node.text = std::move(value);
  node.span = span;
  doc.add(std::move(node), parent);
}

std::vector<std::string> split_classes(const std::string& classes) {
  std::vector<std::string> out;
  for (size_t start = 0; start < classes.size();) {
    size_t space = classes.find(' ', start);
    if (space == std::string::npos) space = classes.size();
    out.push_back(classes.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

}  // namespace

void line_numbers_table(dom::Document& doc, dom::NodeId code, const Highlighted& result,
                        long first_number) {
  const Span span = doc[code].span;
  for (dom::NodeId child : doc[code].children) doc[child].parent = dom::no_node;
  doc[code].children.clear();
  if (!doc[code].has_class("hljs")) doc[code].classes.push_back("hljs");
  const dom::NodeId body =
      element(doc, element(doc, code, "table", {"hljs-ln"}, span), "tbody", {}, span);

  // The lines as highlight.js's events, each line's open scopes carried
  // over: views into the result's events, which outlive them.
  struct Piece {
    Event::Kind kind;
    std::string_view value;
  };
  std::vector<std::vector<Piece>> lines(1);
  std::vector<std::string_view> open;  // scopes open now ("" for a node without a span)
  for (const Event& event : result.events) {
    if (event.kind == Event::open) {
      open.push_back(event.value);
      lines.back().push_back({Event::open, event.value});
    } else if (event.kind == Event::close) {
      if (!open.empty()) open.pop_back();
      lines.back().push_back({Event::close, {}});
    } else {
      const std::string_view value = event.value;
      size_t start = 0;
      for (size_t end; (end = value.find('\n', start)) != std::string_view::npos; start = end + 1) {
        if (end > start) lines.back().push_back({Event::text, value.substr(start, end - start)});
        for (size_t i = 0; i < open.size(); ++i) lines.back().push_back({Event::close, {}});
        lines.emplace_back();
        for (std::string_view scope : open) lines.back().push_back({Event::open, scope});
      }
      if (start < value.size()) lines.back().push_back({Event::text, value.substr(start)});
    }
  }
  // The plugin drops a last line that is only white space.
  auto blank = [](const std::vector<Piece>& line) {
    for (const Piece& event : line) {
      if (event.kind == Event::text && event.value.find_first_not_of(" \t") != std::string::npos)
        return false;
    }
    return true;
  };
  if (lines.size() > 1 && blank(lines.back())) lines.pop_back();

  long number = first_number;
  // The classes of each scope, worked out once.
  std::map<std::string_view, std::vector<std::string>> classes;
  for (const std::vector<Piece>& line : lines) {
    const dom::NodeId row = element(doc, body, "tr", {}, span);
    const dom::NodeId gutter = element(doc, row, "td", {"hljs-ln-line", "hljs-ln-numbers"}, span);
    text(doc, element(doc, gutter, "div", {"hljs-ln-n"}, span), std::to_string(number++), span);
    const dom::NodeId cell = element(doc, row, "td", {"hljs-ln-line", "hljs-ln-code"}, span);
    std::vector<dom::NodeId> stack{cell};
    std::vector<bool> wrote;
    bool any_text = false;
    for (const Piece& event : line) {
      if (event.kind == Event::open) {
        wrote.push_back(!event.value.empty());
        if (!event.value.empty()) {
          auto [at, added] = classes.try_emplace(event.value);
          if (added) at->second = split_classes(scope_class(event.value));
          stack.push_back(element(doc, stack.back(), "span", at->second, span));
        }
      } else if (event.kind == Event::close) {
        if (!wrote.empty()) {
          if (wrote.back() && stack.size() > 1) stack.pop_back();
          wrote.pop_back();
        }
      } else {
        text(doc, stack.back(), std::string(event.value), span);
        any_text = true;
      }
    }
    if (!any_text)
      text(doc, cell, " ", span);  // an empty line keeps its height, as the plugin's ' '
  }
}

}  // namespace deckpdf::highlight

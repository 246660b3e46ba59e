// highlight/line_numbers — the line-number table (see line_numbers.h).
#include "highlight/line_numbers.h"

#include <deque>
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

// A line's content: an element opened (a highlight.js scope, "" for a
// node that writes no span, or an element of the block's own markup,
// `shell`), a run of text, or the last opened closed.
struct Piece {
  Event::Kind kind;
  std::string_view value;
  dom::NodeId shell = dom::no_node;
};
using Lines = std::vector<std::vector<Piece>>;

// How many pieces a block's lines may hold: an element open across a line
// break is written again on every line, so deep markup over many lines
// would multiply; a block past this is not numbered.
constexpr size_t max_pieces = 2'000'000;

// A run of text added to the lines: at each line break what is open is
// closed, and opened again on the next line.
void add_text(Lines& lines, size_t& pieces, const std::vector<Piece>& open,
              std::string_view value) {
  size_t start = 0;
  for (size_t end; (end = value.find('\n', start)) != std::string_view::npos; start = end + 1) {
    pieces += 2 * open.size();
    if (pieces > max_pieces) return;
    if (end > start) lines.back().push_back({Event::text, value.substr(start, end - start)});
    for (size_t i = 0; i < open.size(); ++i) lines.back().push_back({Event::close, {}});
    lines.emplace_back();
    for (const Piece& piece : open) lines.back().push_back(piece);
  }
  if (start < value.size()) lines.back().push_back({Event::text, value.substr(start)});
}

// The children of `code` replaced by the table of `lines`.
void rows_write(dom::Document& doc, dom::NodeId code, Lines& lines, long first_number) {
  const Span span = doc[code].span;
  for (dom::NodeId child : doc[code].children) doc[child].parent = dom::no_node;
  doc[code].children.clear();
  if (!doc[code].has_class("hljs")) doc[code].classes.push_back("hljs");
  const dom::NodeId body =
      element(doc, element(doc, code, "table", {"hljs-ln"}, span), "tbody", {}, span);
  // The plugin drops a last line that is only white space.
  auto blank = [](const std::vector<Piece>& line) {
    for (const Piece& piece : line) {
      if (piece.kind == Event::text && piece.value.find_first_not_of(" \t") != std::string::npos)
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
    for (const Piece& piece : line) {
      if (piece.kind == Event::open) {
        if (piece.shell != dom::no_node) {
          dom::Node shell;  // the element again on this line, without its children
          shell.tag = doc[piece.shell].tag;
          shell.classes = doc[piece.shell].classes;
          shell.attrs = doc[piece.shell].attrs;
          shell.span = doc[piece.shell].span;
          stack.push_back(doc.add(std::move(shell), stack.back()));
          wrote.push_back(true);
          continue;
        }
        wrote.push_back(!piece.value.empty());
        if (!piece.value.empty()) {
          auto [at, added] = classes.try_emplace(piece.value);
          if (added) at->second = scope_classes(piece.value);
          stack.push_back(element(doc, stack.back(), "span", at->second, span));
        }
      } else if (piece.kind == Event::close) {
        if (!wrote.empty()) {
          if (wrote.back() && stack.size() > 1) stack.pop_back();
          wrote.pop_back();
        }
      } else {
        text(doc, stack.back(), std::string(piece.value), span);
        any_text = true;
      }
    }
    if (!any_text)
      text(doc, cell, " ", span);  // an empty line keeps its height, as the plugin's ' '
  }
}

}  // namespace

bool line_numbers_table(dom::Document& doc, dom::NodeId code, const Highlighted& result,
                        long first_number) {
  // The lines as highlight.js's events: views into the result's events,
  // which outlive them.
  Lines lines(1);
  size_t pieces = 0;
  std::vector<Piece> open;  // scopes open now
  for (const Event& event : result.events) {
    if (event.kind == Event::open) {
      open.push_back({Event::open, event.value});
      lines.back().push_back(open.back());
    } else if (event.kind == Event::close) {
      if (!open.empty()) open.pop_back();
      lines.back().push_back({Event::close, {}});
    } else {
      add_text(lines, pieces, open, event.value);
    }
    if (pieces > max_pieces) return false;
  }
  rows_write(doc, code, lines, first_number);
  return true;
}

bool line_numbers_table_from_tree(dom::Document& doc, dom::NodeId code, long first_number) {
  // The texts are copied: adding the rows' nodes moves the tree's.
  std::deque<std::string> texts;
  Lines lines(1);
  size_t pieces = 0;
  std::vector<Piece> open;  // the block's elements open now
  auto walk = [&](auto&& self, dom::NodeId id) -> void {
    for (size_t k = 0; k < doc[id].children.size(); ++k) {
      const dom::NodeId child = doc[id].children[k];
      const dom::Node& node = doc[child];
      if (node.kind == dom::NodeKind::Text) {
        texts.push_back(node.text);
        add_text(lines, pieces, open, texts.back());
      } else if (node.kind == dom::NodeKind::Element) {
        open.push_back({Event::open, {}, child});
        lines.back().push_back(open.back());
        self(self, child);
        open.pop_back();
        lines.back().push_back({Event::close, {}});
      }
    }
  };
  walk(walk, code);
  if (pieces > max_pieces) return false;
  rows_write(doc, code, lines, first_number);
  return true;
}

}  // namespace deckpdf::highlight

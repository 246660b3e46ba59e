// highlight/tokens — what highlighting gives: highlight.js's token tree as
// a flat list of events (open a scope, text, close), read as HTML exactly as
// highlight.js writes it (for tests against highlight.js itself) or as runs
// of text with the CSS classes reveal.js's themes colour.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deckpdf::highlight {

struct Event {
  enum Kind { open, text, close } kind;
  // open: a highlight.js scope ("keyword", "title.function",
  // "language:css"), or "" for a node that writes no span; text: the text.
  std::string value;
};

// One run of text and the classes of the spans around it, outermost first
// ("hljs-title function_" for the scope "title.function").
struct Token {
  std::string text;
  std::vector<std::string> classes;
};

struct Highlighted {
  std::string language;  // the grammar that was used; "" when plain
  double relevance = 0;  // highlight.js's score, for auto-detection
  bool illegal = false;  // an `illegal` lexeme stopped it (auto-detection only)
  std::vector<Event> events;

  std::vector<Token> tokens() const;
  std::string html() const;  // highlight.js's `value`
  std::string text() const;  // the code itself, every event's text in order
};

// highlight.js's scopeToCSSClass with the "hljs-" prefix.
std::string scope_class(std::string_view scope);
// A class string ("hljs-title function_") split at its spaces.
std::vector<std::string> class_list(std::string_view classes);
// The classes of a scope's span: class_list(scope_class(scope)).
std::vector<std::string> scope_classes(std::string_view scope);

// The events of `code` shown plain.
std::vector<Event> plain_events(std::string_view code);

}  // namespace deckpdf::highlight

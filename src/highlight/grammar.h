// highlight/grammar — one language as highlight.js compiled it, read from
// layouts/highlight/NAME.xml (written by tools/highlight-export): its modes
// with their regexes compiled by PCRE2, keywords, scopes and flags.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "highlight/regex.h"

namespace deckpdf::highlight {

// highlight.js callbacks, emulated by name (tools/highlight-export says
// which function each marker stands for).
enum class Callback {
  none,
  not_after_dot,       // beginKeywords: no match right after a '.'
  at_start,            // a shebang: only at the start of the text
  same_as_begin,       // heredocs: the end's group 1 equals the begin's group 1
  same_as_begin_1or2,  // PHP's heredoc: the begin's group 1, else group 2
  jsx_opening_tag,     // JavaScript's guess whether `<X` opens a JSX tag
};

// beginScope/endScope: the whole lexeme in one scope, or some groups each in
// their own (emit = a top-level group highlight.js writes out).
struct ScopeMap {
  std::string wrap;
  struct Group {
    unsigned number = 0;
    std::string scope;
    bool emit = false;
  };
  std::vector<Group> groups;
  bool multi() const { return !groups.empty(); }
  bool empty() const { return wrap.empty() && groups.empty(); }
};

struct Keyword {
  std::string scope;
  double relevance = 1;
};

struct Mode {
  std::string scope;
  double relevance = 1;
  bool ends_with_parent = false, ends_parent = false, exclude_begin = false, exclude_end = false,
       return_begin = false, return_end = false, skip = false;
  std::vector<int> contains;  // mode indices
  int starts = -1;
  bool has_sub_language = false, sub_language_auto = false;
  std::vector<std::string> sub_languages;
  std::vector<Callback> on_begin;
  Callback on_end = Callback::none;
  std::unique_ptr<Regex> begin, end, terminator_end, illegal, keyword_pattern;
  std::unordered_map<std::string, Keyword> keywords;
  ScopeMap begin_scope, end_scope;
  // The terminators highlight.js's ResumableMultiRegex tries, in its order:
  // each contained mode's begin, then the end, then illegal.
  struct Rule {
    enum Type { begin, end, illegal } type;
    const Regex* regex;
    int mode;  // the contained mode for a begin rule
  };
  std::vector<Rule> rules;
  size_t begin_rules = 0;
};

struct Grammar {
  std::string name, title, superset_of;
  bool case_insensitive = false, autodetect = true;
  std::vector<std::string> aliases;
  std::unordered_map<std::string, std::string> class_aliases;
  std::vector<Mode> modes;  // [0] is the language itself
  unsigned max_groups = 0;

  const std::string& class_alias(const std::string& scope) const;
};

// The grammar in `xml` (the bytes of a NAME.xml file). nullopt with `error`
// set when it cannot be read or a regex does not compile; `bad_regexes`, when
// given, collects every regex that failed ("mode 12 begin: message") and
// the load goes on without them.
std::optional<Grammar> grammar_parse(const std::string& xml, std::string* error,
                                     std::vector<std::string>* bad_regexes = nullptr);

}  // namespace deckpdf::highlight

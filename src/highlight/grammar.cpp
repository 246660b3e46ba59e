// highlight/grammar — reading an exported highlight.js language (see grammar.h).
#include "highlight/grammar.h"

#include <cstdlib>
#include <pugixml.hpp>
#include <sstream>

namespace deckpdf::highlight {

const std::string& Grammar::class_alias(const std::string& scope) const {
  auto found = class_aliases.find(scope);
  return found == class_aliases.end() ? scope : found->second;
}

namespace {

Callback callback_named(const std::string& name) {
  if (name == "not-after-dot") return Callback::not_after_dot;
  if (name == "at-start") return Callback::at_start;
  if (name == "same-as-begin") return Callback::same_as_begin;
  if (name == "same-as-begin-1-or-2") return Callback::same_as_begin_1or2;
  if (name == "jsx-opening-tag") return Callback::jsx_opening_tag;
  return Callback::none;
}

std::vector<std::string> words(const char* text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

void read_scope_map(const pugi::xml_node& node, const char* tag, ScopeMap& map) {
  for (const pugi::xml_node& entry : node.children(tag)) {
    if (entry.attribute("wrap")) {
      map.wrap = entry.attribute("wrap").value();
    } else {
      map.groups.push_back({entry.attribute("group").as_uint(), entry.attribute("scope").value(),
                            entry.attribute("emit").as_bool()});
    }
  }
}

}  // namespace

std::optional<Grammar> grammar_parse(const std::string& xml, std::string* error,
                                     std::vector<std::string>* bad_regexes) {
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  pugi::xml_node root = document.child("language");
  if (!parsed || !root) {
    if (error) *error = parsed ? "no <language> element" : parsed.description();
    return std::nullopt;
  }
  Grammar grammar;
  grammar.name = root.attribute("name").value();
  grammar.title = root.attribute("title").value();
  grammar.superset_of = root.attribute("superset-of").value();
  grammar.case_insensitive = root.attribute("case-insensitive").as_bool();
  grammar.autodetect = root.attribute("autodetect").as_bool(true);
  for (const pugi::xml_node& alias : root.children("alias"))
    grammar.aliases.push_back(alias.text().get());
  for (const pugi::xml_node& alias : root.children("class-alias")) {
    grammar.class_aliases[alias.attribute("from").value()] = alias.attribute("to").value();
  }
  std::string first_error;
  auto regex = [&](const pugi::xml_node& mode, const char* tag) -> std::unique_ptr<Regex> {
    pugi::xml_node node = mode.child(tag);
    if (!node) return nullptr;
    std::string message;
    std::unique_ptr<Regex> compiled =
        Regex::compile(node.text().get(), grammar.case_insensitive, &message);
    if (!compiled) {
      std::string what = grammar.name + " mode " + mode.attribute("id").value() + " " + tag + ": " +
                         message + " in /" + node.text().get() + "/";
      if (bad_regexes) bad_regexes->push_back(what);
      if (first_error.empty()) first_error = what;
    } else {
      grammar.max_groups = std::max(grammar.max_groups, compiled->groups());
    }
    return compiled;
  };
  for (const pugi::xml_node& node : root.children("mode")) {
    if (node.attribute("id").as_int(-1) != static_cast<int>(grammar.modes.size())) {
      if (error) *error = "mode " + std::to_string(grammar.modes.size()) + " is out of order";
      return std::nullopt;
    }
    Mode& mode = grammar.modes.emplace_back();
    mode.scope = node.attribute("scope").value();
    mode.relevance = node.attribute("relevance").as_double(1);
    mode.ends_with_parent = node.attribute("ends-with-parent").as_bool();
    mode.ends_parent = node.attribute("ends-parent").as_bool();
    mode.exclude_begin = node.attribute("exclude-begin").as_bool();
    mode.exclude_end = node.attribute("exclude-end").as_bool();
    mode.return_begin = node.attribute("return-begin").as_bool();
    mode.return_end = node.attribute("return-end").as_bool();
    mode.skip = node.attribute("skip").as_bool();
    for (const std::string& id : words(node.attribute("contains").value()))
      mode.contains.push_back(std::atoi(id.c_str()));
    mode.starts = node.attribute("starts").as_int(-1);
    if (node.attribute("sub-language")) {
      mode.has_sub_language = true;
      mode.sub_language_auto = node.attribute("sub-language-auto").as_bool();
      mode.sub_languages = words(node.attribute("sub-language").value());
    }
    for (const std::string& name : words(node.attribute("on-begin").value()))
      mode.on_begin.push_back(callback_named(name));
    mode.on_end = callback_named(node.attribute("on-end").value());
    mode.begin = regex(node, "begin");
    mode.end = regex(node, "end");
    mode.terminator_end = regex(node, "terminator-end");
    mode.illegal = regex(node, "illegal");
    mode.keyword_pattern = regex(node, "keyword-pattern");
    for (const pugi::xml_node& group : node.children("keywords")) {
      Keyword keyword{group.attribute("scope").value(), group.attribute("relevance").as_double(1)};
      for (const std::string& word : words(group.text().get())) mode.keywords[word] = keyword;
    }
    read_scope_map(node, "begin-scope", mode.begin_scope);
    read_scope_map(node, "end-scope", mode.end_scope);
  }
  if (grammar.modes.empty()) {
    if (error) *error = "no modes";
    return std::nullopt;
  }
  if (!first_error.empty() && !bad_regexes) {
    if (error) *error = first_error;
    return std::nullopt;
  }
  // The terminator lists, once every mode's regexes exist; a reference out
  // of range makes the file unreadable rather than a crash later.
  const int count = static_cast<int>(grammar.modes.size());
  for (Mode& mode : grammar.modes) {
    if (mode.starts >= count) mode.starts = -1;
    for (int child : mode.contains) {
      if (child <= 0 || child >= count || !grammar.modes[child].begin) {
        if (error) *error = "a mode contains a mode without a begin";
        return std::nullopt;
      }
      mode.rules.push_back({Mode::Rule::begin, grammar.modes[child].begin.get(), child});
    }
    mode.begin_rules = mode.rules.size();
    if (mode.terminator_end) mode.rules.push_back({Mode::Rule::end, mode.terminator_end.get(), -1});
    if (mode.illegal) mode.rules.push_back({Mode::Rule::illegal, mode.illegal.get(), -1});
  }
  return grammar;
}

}  // namespace deckpdf::highlight

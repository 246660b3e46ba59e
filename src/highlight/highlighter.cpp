// highlight/highlighter — highlight.js's `_highlight` in C++ (see
// highlighter.h). The names follow highlight.js's so the two can be read
// side by side: processLexeme, doBeginMatch, doEndMatch, endOfMode,
// processBuffer, processKeywords, processSubLanguage, startNewMode.
#include "highlight/highlighter.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "highlight/languages.h"

namespace deckpdf::highlight {

namespace {

// highlight.js counts a keyword's relevance at most this many times.
constexpr int kMaxKeywordHits = 7;

// Thrown when a block's work budget runs out: the whole block goes plain.
struct BudgetSpent {};
// highlight.js's "Illegal lexeme" error (when illegals are not ignored).
struct IllegalLexeme {};
// highlight.js's other errors (SAFE_MODE turns them into plain text).
struct HighlightError {};

// The regex searches one block may make, sub-languages included: enough
// for any real slide, small enough that a hostile block ends quickly.
struct Budget {
  size_t searches;
  void spend() {
    if (searches == 0) throw BudgetSpent{};
    --searches;
  }
};

size_t code_point_length(std::string_view text, size_t at) {
  if (at >= text.size()) return 1;
  const auto byte = static_cast<unsigned char>(text[at]);
  size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  return std::min(length, text.size() - at);
}

// highlight.js's TokenTreeEmitter, writing events.
class Emitter {
 public:
  void open(const std::string& scope) {
    events.push_back({Event::open, scope});
    ++depth_;
  }
  void close() {
    if (depth_ == 0) return;
    events.push_back({Event::close, {}});
    --depth_;
  }
  void add_text(std::string_view text) {
    if (text.empty()) return;
    events.push_back({Event::text, std::string(text)});
  }
  void add_sublanguage(std::vector<Event>&& sub, const std::string& language) {
    events.push_back({Event::open, language.empty() ? std::string() : "language:" + language});
    for (Event& event : sub) events.push_back(std::move(event));
    events.push_back({Event::close, {}});
  }
  void finalize() {
    while (depth_ > 0) close();
  }
  std::vector<Event> events;

 private:
  size_t depth_ = 0;
};

Highlighted auto_with_budget(Languages& languages, std::string_view code,
                             const std::vector<std::string>& names, Budget& budget);

struct Found {
  size_t rule = 0;      // index into the mode's rules
  size_t position = 0;  // highlight.js's match.position in the matcher used
  Match match;
};

class Run {
 public:
  Run(Languages& languages, const Grammar& grammar, std::string_view code, bool ignore_illegals,
      Budget& budget)
      : languages_(languages),
        grammar_(grammar),
        code_(code),
        ignore_illegals_(ignore_illegals),
        budget_(budget),
        regex_index_(grammar.modes.size(), 0),
        cache_(grammar.modes.size()) {}

  Highlighted run(const std::vector<int>* continuation, std::vector<int>* top_out);

 private:
  const Mode& top() const { return grammar_.modes[stack_.back()]; }
  std::optional<Found> search_rules(int mode, size_t first_rule, size_t from);
  std::optional<Found> exec(int mode, size_t last_index);
  size_t process_lexeme(std::string_view before, const Found* found);
  size_t do_begin_match(const Found& found);
  size_t do_end_match(const Found& found);
  size_t do_ignore(const Found& found);
  long end_of_mode(long frame, const Found& found);
  bool callback_ignores(Callback callback, int mode, const Found& found);
  void start_new_mode(int mode, const Found& found);
  void process_buffer();
  void process_keywords();
  void process_sub_language();
  void emit_keyword(std::string_view text, const std::string& scope);
  void emit_multi_class(const ScopeMap& scope, const Match& match);
  std::string_view group(const Match& match, size_t number) const {
    if (number >= match.groups.size() || !match.groups[number].set()) return {};
    return code_.substr(match.groups[number].begin,
                        match.groups[number].end - match.groups[number].begin);
  }

  Languages& languages_;
  const Grammar& grammar_;
  std::string_view code_;
  bool ignore_illegals_;
  Budget& budget_;
  Emitter emitter_;
  std::vector<int> stack_;  // mode indices, [0] the language
  std::string buffer_;      // highlight.js's modeBuffer
  double relevance_ = 0;
  std::unordered_map<std::string, int> keyword_hits_;
  std::map<std::string, std::vector<int>> continuations_;
  std::vector<size_t> regex_index_;  // each mode's ResumableMultiRegex.regexIndex
  std::unordered_map<int, std::optional<std::string>> begin_match_;  // on:begin's data
  bool resume_at_same_position_ = false;
  struct LastMatch {
    int type = -1;
    size_t index = 0;
  } last_match_;
  size_t iterations_ = 0;
  // Each rule's last search: from where, and what it found. A match found
  // from an earlier start is still the first one from any later start up to
  // it, so most steps search again only the rule that matched.
  struct Cached {
    size_t from = Match::npos;
    bool found = false;
    Match match;
  };
  std::vector<std::vector<Cached>> cache_;
};

std::optional<Found> Run::search_rules(int mode_index, size_t first_rule, size_t from) {
  const Mode& mode = grammar_.modes[mode_index];
  std::vector<Cached>& cache = cache_[mode_index];
  if (cache.size() != mode.rules.size()) cache.assign(mode.rules.size(), Cached{});
  std::optional<Found> best;
  for (size_t i = first_rule; i < mode.rules.size(); ++i) {
    Cached& entry = cache[i];
    const bool valid = entry.from != Match::npos && entry.from <= from &&
                       (!entry.found || entry.match.begin() >= from);
    if (!valid) {
      budget_.spend();
      entry.from = from;
      entry.found = from <= code_.size() && mode.rules[i].regex->search(code_, from, entry.match);
    }
    if (entry.found && (!best || entry.match.begin() < best->match.begin())) {
      best = Found{i, i - first_rule, entry.match};
    }
  }
  return best;
}

// ResumableMultiRegex.exec: after an ignored match, the rules after it are
// tried at the same position, else every rule from the next character.
std::optional<Found> Run::exec(int mode, size_t last_index) {
  size_t& regex_index = regex_index_[mode];
  std::optional<Found> result = search_rules(mode, regex_index, last_index);
  if (regex_index != 0 && !(result && result->match.begin() == last_index)) {
    result = search_rules(mode, 0, last_index + code_point_length(code_, last_index));
  }
  if (result) {
    regex_index += result->position + 1;
    if (regex_index == grammar_.modes[mode].begin_rules) regex_index = 0;
  }
  return result;
}

void Run::emit_keyword(std::string_view text, const std::string& scope) {
  if (text.empty()) return;
  emitter_.open(scope);
  emitter_.add_text(text);
  emitter_.close();
}

void Run::process_keywords() {
  const Mode& mode = top();
  if (!mode.keyword_pattern) {
    emitter_.add_text(buffer_);
    return;
  }
  size_t last = 0;
  std::string pending;
  Match match;
  while (last <= buffer_.size()) {
    budget_.spend();
    if (!mode.keyword_pattern->search(buffer_, last, match)) break;
    pending.append(buffer_, last, match.begin() - last);
    std::string word = buffer_.substr(match.begin(), match.size());
    std::string key = word;
    if (grammar_.case_insensitive) {
      for (char& c : key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto keyword = mode.keywords.find(key);
    if (keyword != mode.keywords.end()) {
      emitter_.add_text(pending);
      pending.clear();
      if (++keyword_hits_[key] <= kMaxKeywordHits) relevance_ += keyword->second.relevance;
      if (keyword->second.scope.rfind('_', 0) == 0) {
        pending += word;  // relevance only
      } else {
        emit_keyword(word, grammar_.class_alias(keyword->second.scope));
      }
    } else {
      pending += word;
    }
    // An empty match would stop JavaScript's loop forever; step over a character.
    last = match.size() ? match.end() : match.end() + code_point_length(buffer_, match.end());
    if (!match.size() && match.end() < buffer_.size())
      pending.append(buffer_, match.end(), last - match.end());
  }
  if (last < buffer_.size()) pending.append(buffer_, last);
  emitter_.add_text(pending);
}

void Run::process_sub_language() {
  if (buffer_.empty()) return;
  const Mode& mode = top();
  Highlighted result;
  if (!mode.sub_language_auto) {
    const std::string& name = mode.sub_languages.empty() ? std::string() : mode.sub_languages[0];
    const Grammar* sub = languages_.find(name);
    if (!sub) {
      emitter_.add_text(buffer_);
      return;
    }
    auto continuation = continuations_.find(sub->name);
    std::vector<int> top_out;
    Run inner(languages_, *sub, buffer_, true, budget_);
    result =
        inner.run(continuation == continuations_.end() ? nullptr : &continuation->second, &top_out);
    continuations_[sub->name] = std::move(top_out);
  } else {
    result = auto_with_budget(languages_, buffer_, mode.sub_languages, budget_);
  }
  if (mode.relevance > 0) relevance_ += result.relevance;
  emitter_.add_sublanguage(std::move(result.events), result.language);
}

void Run::process_buffer() {
  if (top().has_sub_language) {
    process_sub_language();
  } else {
    process_keywords();
  }
  buffer_.clear();
}

void Run::emit_multi_class(const ScopeMap& scope, const Match& match) {
  for (const ScopeMap::Group& entry : scope.groups) {
    if (!entry.emit) continue;
    std::string_view text = group(match, entry.number);
    if (!entry.scope.empty()) {
      emit_keyword(text, grammar_.class_alias(entry.scope));
    } else {
      buffer_ = text;
      process_keywords();
      buffer_.clear();
    }
  }
}

void Run::start_new_mode(int mode_index, const Found& found) {
  const Mode& mode = grammar_.modes[mode_index];
  if (!mode.scope.empty()) emitter_.open(grammar_.class_alias(mode.scope));
  if (!mode.begin_scope.wrap.empty()) {
    emit_keyword(buffer_, grammar_.class_alias(mode.begin_scope.wrap));
    buffer_.clear();
  } else if (mode.begin_scope.multi()) {
    emit_multi_class(mode.begin_scope, found.match);
    buffer_.clear();
  }
  stack_.push_back(mode_index);
}

bool Run::callback_ignores(Callback callback, int mode, const Found& found) {
  const size_t at = found.match.begin();
  switch (callback) {
    case Callback::none: return false;
    case Callback::not_after_dot: return at > 0 && code_[at - 1] == '.';
    case Callback::at_start: return at != 0;
    case Callback::same_as_begin:
    case Callback::same_as_begin_1or2: {
      std::optional<std::string> value;
      if (found.match.groups.size() > 1 && found.match.groups[1].set())
        value = std::string(group(found.match, 1));
      if (callback == Callback::same_as_begin_1or2 && (!value || value->empty()) &&
          found.match.groups.size() > 2 && found.match.groups[2].set()) {
        value = std::string(group(found.match, 2));
      }
      begin_match_[mode] = value;
      return false;
    }
    case Callback::jsx_opening_tag: {
      const size_t after = found.match.end();
      const char next = after < code_.size() ? code_[after] : '\0';
      if (next == '<' || next == ',') return true;
      bool ignore = false;
      if (next == '>') {
        std::string tag = "</" + std::string(code_.substr(at + 1, found.match.size() - 1));
        if (code_.find(tag, after) == std::string_view::npos) ignore = true;
      }
      size_t i = after;
      auto space = [&](size_t k) {
        return k < code_.size() && (code_[k] == ' ' || code_[k] == '\t' || code_[k] == '\n' ||
                                    code_[k] == '\r' || code_[k] == '\f' || code_[k] == '\v');
      };
      while (space(i)) ++i;
      if (i < code_.size() && code_[i] == '=') return true;
      if (i > after && code_.substr(i, 7) == "extends" && space(i + 7)) return true;
      return ignore;
    }
  }
  return false;
}

size_t Run::do_ignore(const Found& found) {
  if (regex_index_[stack_.back()] == 0) {
    const size_t length = code_point_length(code_, found.match.begin());
    buffer_.append(code_.substr(found.match.begin(), length));
    return length;
  }
  resume_at_same_position_ = true;
  return 0;
}

size_t Run::do_begin_match(const Found& found) {
  const int mode_index = top().rules[found.rule].mode;
  const Mode& mode = grammar_.modes[mode_index];
  for (Callback callback : mode.on_begin) {
    if (callback_ignores(callback, mode_index, found)) return do_ignore(found);
  }
  std::string_view lexeme = code_.substr(found.match.begin(), found.match.size());
  if (mode.skip) {
    buffer_ += lexeme;
  } else {
    if (mode.exclude_begin) buffer_ += lexeme;
    process_buffer();
    if (!mode.return_begin && !mode.exclude_begin) buffer_ = lexeme;
  }
  start_new_mode(mode_index, found);
  return mode.return_begin ? 0 : lexeme.size();
}

long Run::end_of_mode(long frame, const Found& found) {
  if (frame < 0) return -1;
  const int mode_index = stack_[frame];
  const Mode& mode = grammar_.modes[mode_index];
  bool matched = false;
  if (mode.end) {
    budget_.spend();
    Match ignored;
    matched = mode.end->match_at_start(code_.substr(found.match.begin()), ignored);
  }
  if (matched && mode.on_end != Callback::none) {
    std::optional<std::string> end_value;
    if (found.match.groups.size() > 1 && found.match.groups[1].set())
      end_value = std::string(group(found.match, 1));
    if (begin_match_[mode_index] != end_value) matched = false;
  }
  if (matched) {
    while (grammar_.modes[stack_[frame]].ends_parent && frame > 0) --frame;
    return frame;
  }
  if (mode.ends_with_parent) return end_of_mode(frame - 1, found);
  return -1;
}

size_t Run::do_end_match(const Found& found) {
  const long end_frame = end_of_mode(static_cast<long>(stack_.size()) - 1, found);
  if (end_frame < 0) return Match::npos;
  const Mode& origin = top();
  std::string_view lexeme = code_.substr(found.match.begin(), found.match.size());
  if (!origin.end_scope.wrap.empty()) {
    process_buffer();
    emit_keyword(lexeme, origin.end_scope.wrap);
  } else if (origin.end_scope.multi()) {
    process_buffer();
    emit_multi_class(origin.end_scope, found.match);
  } else if (origin.skip) {
    buffer_ += lexeme;
  } else {
    if (!(origin.return_end || origin.exclude_end)) buffer_ += lexeme;
    process_buffer();
    if (origin.exclude_end) buffer_ = lexeme;
  }
  const bool return_end = origin.return_end;
  const int end_mode = stack_[end_frame];
  do {
    const Mode& closing = top();
    if (!closing.scope.empty()) emitter_.close();
    if (!closing.skip && !closing.has_sub_language) relevance_ += closing.relevance;
    stack_.pop_back();
  } while (static_cast<long>(stack_.size()) > end_frame && !stack_.empty());
  if (stack_.empty()) stack_.push_back(0);  // the language never ends
  if (grammar_.modes[end_mode].starts >= 0) start_new_mode(grammar_.modes[end_mode].starts, found);
  return return_end ? 0 : lexeme.size();
}

size_t Run::process_lexeme(std::string_view before, const Found* found) {
  buffer_ += before;
  if (!found) {
    process_buffer();
    return 0;
  }
  const Mode::Rule::Type type = top().rules[found->rule].type;
  const size_t at = found->match.begin();
  // A zero-width end right after a zero-width begin at the same place: step over a character.
  if (last_match_.type == Mode::Rule::begin && type == Mode::Rule::end && last_match_.index == at &&
      found->match.size() == 0) {
    const size_t length = code_point_length(code_, at);
    buffer_.append(code_.substr(at, length));
    return length;
  }
  last_match_ = {type, at};
  if (type == Mode::Rule::begin) return do_begin_match(*found);
  if (type == Mode::Rule::illegal && !ignore_illegals_) throw IllegalLexeme{};
  if (type == Mode::Rule::end) {
    const size_t processed = do_end_match(*found);
    if (processed != Match::npos) return processed;
  }
  if (type == Mode::Rule::illegal && found->match.size() == 0) {
    if (at == code_.size()) return 1;
    const size_t length = code_point_length(code_, at);
    buffer_.append(code_.substr(at, length));
    return length;
  }
  if (iterations_ > 100000 && iterations_ > at * 3) throw HighlightError{};
  buffer_.append(code_.substr(at, found->match.size()));
  return found->match.size();
}

Highlighted Run::run(const std::vector<int>* continuation, std::vector<int>* top_out) {
  Highlighted result;
  result.language = grammar_.name;
  if (continuation && !continuation->empty()) {
    stack_ = *continuation;
    for (size_t i = 1; i < stack_.size(); ++i) {
      if (!grammar_.modes[stack_[i]].scope.empty()) emitter_.open(grammar_.modes[stack_[i]].scope);
    }
  } else {
    stack_ = {0};
  }
  try {
    size_t index = 0;
    for (;;) {
      ++iterations_;
      if (resume_at_same_position_) {
        resume_at_same_position_ = false;
      } else {
        regex_index_[stack_.back()] = 0;
      }
      if (index > code_.size()) break;
      std::optional<Found> found = exec(stack_.back(), index);
      if (!found) break;
      const size_t processed =
          process_lexeme(code_.substr(index, found->match.begin() - index), &*found);
      index = found->match.begin() + processed;
    }
    process_lexeme(index < code_.size() ? code_.substr(index) : std::string_view(), nullptr);
    emitter_.finalize();
    result.events = std::move(emitter_.events);
    result.relevance = relevance_;
    if (top_out) *top_out = stack_;
  } catch (const IllegalLexeme&) {
    result.illegal = true;
    result.relevance = 0;
    result.events = plain_events(code_);
  } catch (const HighlightError&) {
    result.relevance = 0;
    result.events = plain_events(code_);
  } catch (const RegexFailure&) {
    throw BudgetSpent{};
  }
  return result;
}

Highlighted plain_result(std::string_view code) {
  Highlighted result;
  result.events = plain_events(code);
  return result;
}

size_t budget_for(std::string_view code) {
  return 20000 + 400 * code.size();
}

Highlighted auto_with_budget(Languages& languages, std::string_view code,
                             const std::vector<std::string>& names, Budget& budget) {
  const std::vector<std::string> all = names.empty() ? languages.autodetect_names() : names;
  Highlighted best = plain_result(code);
  for (const std::string& name : all) {
    const Grammar* grammar = languages.find(name);
    if (!grammar || !grammar->autodetect) continue;
    Highlighted candidate = Run(languages, *grammar, code, false, budget).run(nullptr, nullptr);
    // A stable sort by relevance with plain text first: the first of the
    // most relevant wins.
    if (candidate.relevance > best.relevance) best = std::move(candidate);
  }
  return best;
}

}  // namespace

Highlighted highlight_with(Languages& languages, const Grammar& grammar, std::string_view code) {
  if (code.size() > kMaxCodeBytes) return plain_result(code);
  Budget budget{budget_for(code)};
  try {
    return Run(languages, grammar, code, true, budget).run(nullptr, nullptr);
  } catch (const BudgetSpent&) {
    return plain_result(code);
  }
}

Highlighted highlight_auto_with(Languages& languages, std::string_view code,
                                const std::vector<std::string>& names) {
  if (code.size() > kMaxCodeBytes) return plain_result(code);
  Budget budget{budget_for(code) * 4};
  try {
    return auto_with_budget(languages, code, names, budget);
  } catch (const BudgetSpent&) {
    return plain_result(code);
  }
}

}  // namespace deckpdf::highlight

// js::Sandbox: a deck's JavaScript run in an embedded engine (QuickJS,
// third_party/quickjs) that can reach nothing of the machine.
//
// The engine has no file system, network, process, timer or module loader:
// only the language's own objects and the host functions the caller defines.
// Every run is capped in memory, time and stack, and is deterministic:
// Date gives `Limits::now_ms`, Math.random is seeded, local time is UTC.
// The engine is made only when a Sandbox is constructed, so decks that run no
// code never pay for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckpdf::js {

struct Limits {
  size_t memory_bytes = size_t{256} << 20;  // the runtime's heap cap
  double seconds = 2.0;                     // wall-clock cap, all runs of a Sandbox together
  int64_t now_ms = 0;                       // what Date.now() and new Date() give
  uint64_t seed = 1;                        // Math.random's seed
};

// A value crossing the boundary, JSON-like. Functions, symbols and other
// values JSON has no form for arrive as Undefined.
struct Value {
  enum class Kind { Undefined, Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Undefined;
  bool b = false;
  double n = 0;
  std::string s;
  std::vector<Value> items;                          // Array
  std::vector<std::pair<std::string, Value>> props;  // Object, in property order

  static Value null() { return with(Kind::Null); }
  static Value boolean(bool v) {
    Value r = with(Kind::Bool);
    r.b = v;
    return r;
  }
  static Value number(double v) {
    Value r = with(Kind::Number);
    r.n = v;
    return r;
  }
  static Value string(std::string v) {
    Value r = with(Kind::String);
    r.s = std::move(v);
    return r;
  }
  static Value array(std::vector<Value> v = {}) {
    Value r = with(Kind::Array);
    r.items = std::move(v);
    return r;
  }
  static Value object(std::vector<std::pair<std::string, Value>> v = {}) {
    Value r = with(Kind::Object);
    r.props = std::move(v);
    return r;
  }
  // The property `key` of an Object, or nullptr.
  const Value* get(std::string_view key) const;
  bool operator==(const Value& o) const;

 private:
  static Value with(Kind k) {
    Value r;
    r.kind = k;
    return r;
  }
};

struct Error {
  enum class Kind { Syntax, Exception, Timeout, Memory };
  Kind kind = Kind::Exception;
  std::string message;    // "TypeError: cannot read property 'y' of undefined"
  int line = 0, col = 0;  // in the script that was run (1-based), 0 if unknown
};

class Sandbox {
 public:
  explicit Sandbox(const Limits& limits = {});
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // A global function the script can call; `error` set => a JS exception
  // (an Error with that message) is thrown in the script.
  using Host = std::function<Value(const std::vector<Value>& args, std::string& error)>;
  void define(const std::string& name, Host fn);
  void set_global(const std::string& name, const Value& v);
  // The global `name`, or nullopt when there is none (or it cannot cross).
  std::optional<Value> get_global(const std::string& name);

  // Runs `code` as a classic script named `filename`: its completion value,
  // or nullopt with `error`.
  std::optional<Value> run(std::string_view code, const std::string& filename, Error& error);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace deckpdf::js

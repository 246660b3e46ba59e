// tests/js/sandbox_test.cpp — js::Sandbox: modern syntax runs, values cross
// both ways, host functions and their errors, the caps (time, memory, stack),
// determinism, and that nothing of the machine is reachable.
#include "js/sandbox.h"

#include <catch2/catch.hpp>
#include <chrono>

using namespace deckpdf::js;

namespace {

Value run_ok(Sandbox& sb, std::string_view code) {
  Error error;
  auto v = sb.run(code, "deck.pug", error);
  INFO(error.message);
  REQUIRE(v);
  return *v;
}

Error run_fails(Sandbox& sb, std::string_view code, const Limits& = {}) {
  Error error;
  auto v = sb.run(code, "deck.pug", error);
  REQUIRE_FALSE(v);
  return error;
}

std::string str(Sandbox& sb, std::string_view code) {
  Value v = run_ok(sb, code);
  REQUIRE(v.kind == Value::Kind::String);
  return v.s;
}

}  // namespace

TEST_CASE("modern syntax runs as Node runs it") {
  Sandbox sb;
  CHECK(str(sb, "const f = (a, b = 2) => a + b; `${f(1)}-${f(1, 5)}`") == "3-6");
  CHECK(str(sb,
            "let [x, ...rest] = [1, 2, 3]; const {a, b: {c}} = {a: 4, b: {c: 5}};"
            "[x, rest.length, a, c, ...rest].join(',')") == "1,2,4,5,2,3");
  CHECK(str(sb,
            "class A { constructor(n) { this.n = n; } get twice() { return this.n * 2; } }"
            "class B extends A { toString() { return `B${this.twice}`; } }"
            "String(new B(21))") == "B42");
  CHECK(str(sb,
            "['a', 'b'].map((s, i) => s + i).concat([1, 2].includes(2) ? 'y' : 'n')"
            ".join(' ')") == "a0 b1 y");
  CHECK(str(sb, "JSON.stringify({...{a: 1}, b: [1, {c: null}], k: Object.keys({p: 1, q: 2})})") ==
        R"({"a":1,"b":[1,{"c":null}],"k":["p","q"]})");
  CHECK(str(sb, "let o = {x: {y: 1}}; `${o?.x?.y}${o.z?.y}${o.z ?? 'd'}`") == "1undefinedd");
  CHECK(str(sb, "function* g() { yield 1; yield 2; } [...g()].join('+')") == "1+2");
  CHECK(str(sb, "'Ünïcode ✓'.toUpperCase()") == "ÜNÏCODE ✓");
  CHECK(str(sb, "/(\\d+)-(\\d+)/.exec('10-20').slice(1).join(':')") == "10:20");
}

TEST_CASE("the completion value and globals cross as JSON-like values") {
  Sandbox sb;
  Value v = run_ok(sb, "({n: 1.5, s: 'x', b: true, z: null, u: undefined, a: [1, 'two'], f() {}})");
  REQUIRE(v.kind == Value::Kind::Object);
  REQUIRE(v.props.size() == 7);
  CHECK(v.props[0].first == "n");  // property order kept
  CHECK(*v.get("n") == Value::number(1.5));
  CHECK(*v.get("s") == Value::string("x"));
  CHECK(*v.get("b") == Value::boolean(true));
  CHECK(*v.get("z") == Value::null());
  CHECK(v.get("u")->kind == Value::Kind::Undefined);
  CHECK(*v.get("a") == Value::array({Value::number(1), Value::string("two")}));
  CHECK(v.get("f")->kind == Value::Kind::Undefined);  // functions do not cross
  // A long string built by concatenation (the engine keeps it as a rope).
  Value html =
      run_ok(sb, "let h = ''; for (let i = 0; i < 5000; i++) h += '<li>' + i + '</li>'; h");
  REQUIRE(html.kind == Value::Kind::String);
  CHECK(html.s.size() == 63890);
  CHECK(html.s.rfind("<li>4999</li>") == html.s.size() - 13);

  Value in = Value::object({{"title", Value::string("Hi <b>")},
                            {"items", Value::array({Value::number(1), Value::null()})},
                            {"nested", Value::object({{"ok", Value::boolean(true)}})}});
  sb.set_global("locals", in);
  CHECK(str(sb, "`${locals.title}|${locals.items.length}|${locals.nested.ok}`") == "Hi <b>|2|true");
  run_ok(sb, "var out = {sum: locals.items[0] + 41, copy: locals};");
  auto out = sb.get_global("out");
  REQUIRE(out);
  CHECK(*out->get("sum") == Value::number(42));
  CHECK(*out->get("copy") == in);
  CHECK_FALSE(sb.get_global("no_such_global"));
}

TEST_CASE("cyclic or huge values do not cross, and say why") {
  // A time cap far away: on a loaded machine the 2 s default could stop
  // the building of the huge value before the size cap this test is about.
  Limits patient;
  patient.seconds = 120;
  Sandbox sb(patient);
  Error e = run_fails(sb, "const a = {}; a.self = a; a");
  CHECK(e.kind == Error::Kind::Exception);
  CHECK(e.message == "RangeError: the value is nested more than 200 deep");
  e = run_fails(sb, "let x = [1]; for (let i = 0; i < 40; i++) x = [x, x]; x");
  CHECK(e.message.find("more than 1048576 parts") != std::string::npos);
  Limits limits;
  limits.memory_bytes = size_t{64} << 20;
  limits.seconds = 120;
  Sandbox small(limits);
  e = run_fails(small, "const s = 'x'.repeat(1e7); new Array(100).fill(s)");
  CHECK(e.message == "RangeError: the value has more than 67108864 bytes of text");
}

TEST_CASE("host functions are called with their arguments, and their errors are exceptions") {
  Sandbox sb;
  std::vector<Value> seen;
  sb.define("host", [&](const std::vector<Value>& args, std::string&) {
    seen = args;
    return Value::string("got " + std::to_string(args.size()));
  });
  sb.define("fail", [](const std::vector<Value>& args, std::string& error) {
    error = "no such file: " + (args.empty() ? std::string() : args[0].s);
    return Value{};
  });
  sb.define("boom", [](const std::vector<Value>&, std::string&) -> Value {
    throw std::runtime_error("thrown in C++");
  });
  CHECK(str(sb, "host(1, 'a', [true], {k: null})") == "got 4");
  REQUIRE(seen.size() == 4);
  CHECK(seen[0] == Value::number(1));
  CHECK(seen[1] == Value::string("a"));
  CHECK(seen[2] == Value::array({Value::boolean(true)}));
  CHECK(seen[3] == Value::object({{"k", Value::null()}}));
  CHECK(str(sb, "try { fail('x.png') } catch (e) { `${e instanceof Error}: ${e.message}` }") ==
        "true: no such file: x.png");
  Error e = run_fails(sb, "\n\nfail('y')");
  CHECK(e.kind == Error::Kind::Exception);
  CHECK(e.message == "Error: no such file: y");
  CHECK(e.line == 3);
  e = run_fails(sb, "boom()");
  CHECK(e.message == "Error: thrown in C++");
}

TEST_CASE("errors name their kind, message and line") {
  Sandbox sb;
  Error e = run_fails(sb, "let a = 1;\nlet b = ;");
  CHECK(e.kind == Error::Kind::Syntax);
  CHECK(e.message == "SyntaxError: unexpected token in expression: ';'");
  CHECK(e.line == 2);
  CHECK(e.col == 9);
  e = run_fails(sb, "const o = {};\n\nfunction f() {\n  return o.x.y;\n}\nf()");
  CHECK(e.kind == Error::Kind::Exception);
  CHECK(e.message == "TypeError: cannot read property 'y' of undefined");
  CHECK(e.line == 4);
  CHECK(e.col == 13);                    // the '.' of '.y'
  e = run_fails(sb, "JSON.parse('{')");  // a SyntaxError at run time is an exception
  CHECK(e.kind == Error::Kind::Exception);
  e = run_fails(sb, "throw 'plain'");
  CHECK(e.message == "plain");
}

TEST_CASE("an endless loop stops at the time cap as Timeout, naming its line") {
  Limits limits;
  limits.seconds = 0.3;
  Sandbox sb(limits);
  auto start = std::chrono::steady_clock::now();
  Error e = run_fails(sb, "let i = 0;\nwhile (true) {\n  i++;\n}");
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(e.kind == Error::Kind::Timeout);
  CHECK(e.message == "the script ran longer than the 0.3 s time limit");
  CHECK(e.line == 3);  // the loop's last statement, where it jumps back
  CHECK(e.col == 4);
  CHECK(took >= 0.3);
  CHECK(took < 1.5);
  // The cap is for all runs together: the budget is spent.
  e = run_fails(sb, "for (;;) {}");
  CHECK(e.kind == Error::Kind::Timeout);
}

TEST_CASE("try/catch cannot swallow the time cap") {
  Limits limits;
  limits.seconds = 0.2;
  Sandbox sb(limits);
  Error e = run_fails(sb, "for (;;) { try { for (;;) {} } catch (e) {} }");
  CHECK(e.kind == Error::Kind::Timeout);
}

TEST_CASE("built-ins that loop in C stop at the time cap too") {
  for (const char* code : {"/(a+)+b/.test('a'.repeat(40))",
                           "try { /(a+)+b/.test('a'.repeat(40)) } catch (e) {} 'caught'",
                           "Array.prototype.indexOf.call({length: 1e15}, 1)",
                           "Array.prototype.join.call({length: 1e15})", "new Array(1e8).sort()"}) {
    Limits limits;
    limits.seconds = 0.2;
    Sandbox sb(limits);
    auto start = std::chrono::steady_clock::now();
    Error e = run_fails(sb, code);
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(code);
    CHECK(e.kind == Error::Kind::Timeout);
    CHECK(took < 1.5);
  }
}

TEST_CASE("an allocation loop stops at the memory cap as Memory") {
  Limits limits;
  limits.memory_bytes = size_t{32} << 20;
  Sandbox sb(limits);
  Error e = run_fails(sb, "let a = [];\nfor (;;) a.push(new Array(1e6).fill(0));");
  CHECK(e.kind == Error::Kind::Memory);
  CHECK(e.message == "the script used more than the 32 MiB memory limit");
  e = run_fails(sb, "const parts = [];\nfor (;;) parts.push('x'.repeat(1e5) + parts.length);");
  CHECK(e.kind == Error::Kind::Memory);
  CHECK(e.line == 2);
  // The sandbox is still usable afterwards.
  CHECK(str(sb, "'still ' + 'here'") == "still here");
}

TEST_CASE("deep recursion is an error, never a crash") {
  Sandbox sb;
  Error e = run_fails(sb, "function f(n) { return f(n + 1) + 1; }\nf(0)");
  CHECK(e.kind == Error::Kind::Exception);
  CHECK(e.message == "RangeError: Maximum call stack size exceeded");
  CHECK(e.line == 1);  // the recursing function's
  // Deep enough for real decks' recursion (the sanitizers' frames are larger).
#ifdef DECKPDF_SANITIZED
  const int depth = 200;
#else
  const int depth = 1000;
#endif
  CHECK(run_ok(sb, "function g(n) { return n ? g(n - 1) + 1 : 0; } g(" + std::to_string(depth) +
                       ")") == Value::number(depth));
}

TEST_CASE("Date and Math.random are the same in every sandbox") {
  Limits limits;
  limits.now_ms = 1700000000000;  // 2023-11-14T22:13:20Z
  limits.seed = 7;
  const char* code =
      "[Date.now(), new Date().toISOString(), new Date(2020, 0, 2).getDate(),"
      " new Date(0).toISOString(), new Date() instanceof Date, Date.UTC(1970, 0, 2),"
      " new Date().getHours(), Math.random(), Math.random()]";
  Sandbox a(limits), b(limits);
  Value va = run_ok(a, code), vb = run_ok(b, code);
  CHECK(va == vb);
  REQUIRE(va.items.size() == 9);
  CHECK(va.items[0] == Value::number(1700000000000.0));
  CHECK(va.items[1] == Value::string("2023-11-14T22:13:20.000Z"));
  CHECK(va.items[2] == Value::number(2));
  CHECK(va.items[3] == Value::string("1970-01-01T00:00:00.000Z"));
  CHECK(va.items[4] == Value::boolean(true));
  CHECK(va.items[5] == Value::number(86400000));
  CHECK(va.items[6] == Value::number(22));  // local time is UTC
  CHECK(va.items[7].n >= 0);
  CHECK(va.items[7].n < 1);
  CHECK(va.items[7].n != va.items[8].n);
  limits.seed = 8;
  Sandbox c(limits);
  CHECK(run_ok(c, "Math.random()") != va.items[7]);
}

TEST_CASE("nothing of the machine is reachable") {
  Sandbox sb;
  CHECK(str(sb,
            "[typeof require, typeof process, typeof std, typeof os, typeof setTimeout,"
            " typeof setInterval, typeof print, typeof scriptArgs, typeof module,"
            " typeof fetch, typeof XMLHttpRequest].join()") ==
        "undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,"
        "undefined,undefined,undefined");
  Error e = run_fails(sb, "let r; import('os').then(m => r = m, e => { throw e; }); r.x");
  CHECK(e.kind == Error::Kind::Exception);
  e = run_fails(sb, "import * as std from 'std';");
  CHECK(e.kind == Error::Kind::Syntax);
}

TEST_CASE("one sandbox's globals never leak into another") {
  Sandbox a, b;
  run_ok(a, "var leaked = 1; globalThis.also = 2; Array.prototype.evil = 3;");
  a.set_global("set", Value::number(4));
  a.define("host", [](const std::vector<Value>&, std::string&) { return Value{}; });
  CHECK(str(b, "[typeof leaked, typeof also, typeof [].evil, typeof set, typeof host].join()") ==
        "undefined,undefined,undefined,undefined,undefined");
  CHECK(run_ok(a, "leaked + also + [].evil + set") == Value::number(10));
}

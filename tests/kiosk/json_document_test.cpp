// Nothing the JSON library throws gets past the catalog: each of its exception classes comes back
// as an Error naming the file (and, for text that is not JSON, the line and column).
#include "kiosk/catalog/json_document.h"

#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/catalog/catalog.h"
#include "test_support.h"

namespace etalase::kiosk {
namespace {

using nlohmann::json;

Result<LoadedCatalog> loadManifest(const std::string& name, const std::string& manifest) {
  const auto pack = test::freshTempDirectory(name);
  std::ofstream(pack / "pack.json", std::ios::binary) << manifest;
  return loadCatalog(pack);
}

TEST(JsonDocument, NumberOutOfRangeIsReportedWithLineAndColumnNotAnAbort) {
  auto loaded = loadManifest("overflow", "{\"schema_version\": 1,\n  \"pack\": {\"title\": 1e99999}}");
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().text().find("pack.json"), std::string::npos) << loaded.error().text();
  EXPECT_NE(loaded.error().text().find("line 2, column"), std::string::npos) << loaded.error().text();
  EXPECT_NE(loaded.error().text().find("1e99999"), std::string::npos) << loaded.error().text();
}

TEST(JsonDocument, SyntaxErrorNamesLineAndColumn) {
  auto parsed = parseJsonDocument("{\n  \"a\": 1,\n  \"b\": ,\n}", "pack.json");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().where, "pack.json");
  EXPECT_NE(parsed.error().what.find("line 3, column 8"), std::string::npos) << parsed.error().what;
}

TEST(JsonDocument, InvalidUtf8AndNulAreRefusedPrintably) {
  for (const std::string& text : {std::string("{\"a\": \"\xff\xfe\"}"), std::string("{\"a\": \"x\0y\"}", 12)}) {
    auto parsed = parseJsonDocument(text, "pack.json");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(printable(parsed.error().what), parsed.error().what);
  }
}

TEST(JsonDocument, DeepNestingIsAnswered) {
  auto parsed = parseJsonDocument(std::string(200000, '['), "pack.json");
  EXPECT_FALSE(parsed);
}

// Each class the library throws while a document is walked: the boundary turns it into an Error.
TEST(JsonDocument, EveryJsonExceptionClassBecomesAnErrorNamingTheFile) {
  const json document = json::parse(R"({"a": [1, 2], "s": "text"})");
  const std::vector<std::pair<const char*, std::function<Result<int>()>>> throwers = {
      {"parse_error", [] { return Result<int>(json::parse("{").size() > 0 ? 1 : 0); }},
      {"type_error", [&] { return Result<int>(document.at("s").get<int>()); }},
      {"out_of_range", [&] { return Result<int>(document.at("a").at(5).get<int>()); }},
      {"invalid_iterator", [&] {
         json copy = document;
         copy.erase(document.begin());  // an iterator of another value
         return Result<int>(0);
       }},
      {"other_error", [&] { return Result<int>(json::diff(document, document).patch(json::array({{{"op", "x"}}})).size() > 0); }},
  };
  for (const auto& [name, thrower] : throwers) {
    SCOPED_TRACE(name);
    Result<int> result = catchingJsonErrors("shop/pack.json", thrower);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().where, "shop/pack.json");
    EXPECT_FALSE(result.error().what.empty());
  }
}

}  // namespace
}  // namespace etalase::kiosk

// Catalog: the demo pack loads cleanly, broken packs fail naming the place, localized() fallbacks.
#include "kiosk/catalog/catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.h"

namespace etalase::kiosk {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
}

std::string currentTestName() {
  return testing::UnitTest::GetInstance()->current_test_info()->name();
}

// True when `path` (which must exist) lies inside `folder`, symlinks resolved.
bool isInside(const fs::path& path, const fs::path& folder) {
  const fs::path relative = fs::canonical(path).lexically_relative(fs::canonical(folder));
  return !relative.empty() && *relative.begin() != ".." && relative.is_relative();
}

// A small valid manifest; each broken-pack test spoils one thing in it.
json validManifest() {
  return json::parse(R"({
    "schema_version": 1,
    "pack": {"id": "test-pack", "title": {"en": "Test pack"}},
    "producers": [{"id": "maker", "name": {"en": "Maker", "id": "Pembuat"}}],
    "products": [{
      "id": "cloth",
      "producer": "maker",
      "name": {"en": "Cloth", "id": "Kain"},
      "photos": ["images/cloth.jpg"],
      "videos": ["videos/cloth.mp4"]
    }]
  })");
}

// Writes a pack folder with the files validManifest() names and the given manifest text.
fs::path writePack(const fs::path& folder, const std::string& manifestText) {
  fs::create_directories(folder / "videos");
  fs::create_directories(folder / "images");
  std::ofstream(folder / "videos" / "cloth.mp4") << "not decoded by the catalog";
  std::ofstream(folder / "images" / "cloth.jpg") << "not decoded by the catalog";
  std::ofstream(folder / kManifestName, std::ios::binary) << manifestText;
  return folder;
}

fs::path writePack(const json& manifest) {
  return writePack(test::freshTempDirectory(currentTestName()), manifest.dump(2));
}

// The error text of a load that should fail.
std::string loadError(const fs::path& pack) {
  auto loaded = loadCatalog(pack);
  if (loaded) return "(the pack loaded without an error)";
  return loaded.error().text();
}

bool isValidUtf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80           ? 1
                               : (byte >> 5) == 0x6  ? 2
                               : (byte >> 4) == 0xE  ? 3
                               : (byte >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    }
    i += length;
  }
  return true;
}

// ---------------------------------------------------------------- the demo pack

TEST(DemoPackTest, LoadsWithoutErrorsOrWarnings) {
  auto loaded = loadCatalog(test::demoPack());
  ASSERT_TRUE(loaded) << loaded.error().text();
  for (const Error& warning : loaded.value().warnings) ADD_FAILURE() << warning.text();
}

TEST(DemoPackTest, HasAtLeastSixProducers) {
  auto loaded = loadCatalog(test::demoPack());
  ASSERT_TRUE(loaded) << loaded.error().text();
  EXPECT_GE(loaded.value().catalog.producers.size(), 6u);
}

TEST(DemoPackTest, EveryProductIsNamedInEnglishAndIndonesian) {
  auto loaded = loadCatalog(test::demoPack());
  ASSERT_TRUE(loaded) << loaded.error().text();
  ASSERT_FALSE(loaded.value().catalog.products.empty());
  for (const Product& product : loaded.value().catalog.products) {
    for (const char* language : {"en", "id"}) {
      const auto it = product.name.find(language);
      EXPECT_TRUE(it != product.name.end() && !it->second.empty())
          << product.id << " has no name in " << language;
    }
  }
}

TEST(DemoPackTest, EveryProductsProducerExists) {
  auto loaded = loadCatalog(test::demoPack());
  ASSERT_TRUE(loaded) << loaded.error().text();
  const Catalog& catalog = loaded.value().catalog;
  for (const Product& product : catalog.products) {
    EXPECT_NE(catalog.producer(product.producerId), nullptr)
        << product.id << " names producer " << product.producerId;
  }
}

TEST(DemoPackTest, EveryProductHasAVideo) {
  auto loaded = loadCatalog(test::demoPack());
  ASSERT_TRUE(loaded) << loaded.error().text();
  for (const Product& product : loaded.value().catalog.products) {
    EXPECT_FALSE(product.videos.empty()) << product.id;
  }
}

TEST(DemoPackTest, EveryListedFileExistsInsideThePack) {
  const fs::path pack = test::demoPack();
  auto loaded = loadCatalog(pack);
  ASSERT_TRUE(loaded) << loaded.error().text();
  const Catalog& catalog = loaded.value().catalog;
  std::vector<fs::path> files = catalog.attract;
  for (const Product& product : catalog.products) {
    files.insert(files.end(), product.videos.begin(), product.videos.end());
    files.insert(files.end(), product.photos.begin(), product.photos.end());
  }
  for (const Producer& producer : catalog.producers) {
    if (!producer.logo.empty()) files.push_back(producer.logo);
  }
  for (const fs::path& file : files) {
    ASSERT_TRUE(fs::is_regular_file(file)) << file;
    EXPECT_TRUE(isInside(file, pack)) << file << " is outside " << pack;
  }
}

TEST(DemoPackTest, AttractLoopIsNotEmpty) {
  auto loaded = loadCatalog(test::demoPack());
  ASSERT_TRUE(loaded) << loaded.error().text();
  EXPECT_FALSE(loaded.value().catalog.attract.empty());
}

// ---------------------------------------------------------------- broken packs

// Guards the tests below: they fail for the one thing they spoil, not for the fixture.
TEST(BrokenPackTest, UnspoiledFixtureLoads) {
  auto loaded = loadCatalog(writePack(validManifest()));
  ASSERT_TRUE(loaded) << loaded.error().text();
  EXPECT_TRUE(loaded.value().warnings.empty());
  ASSERT_EQ(loaded.value().catalog.products.size(), 1u);
  EXPECT_EQ(loaded.value().catalog.products[0].videos.size(), 1u);
  EXPECT_EQ(loaded.value().catalog.products[0].photos.size(), 1u);
}

TEST(BrokenPackTest, MissingFolderIsNamed) {
  const fs::path missing = test::freshTempDirectory(currentTestName()) / "no-such-pack";
  const std::string error = loadError(missing);
  EXPECT_TRUE(contains(error, missing.string()));
  EXPECT_TRUE(contains(error, "not found"));
}

TEST(BrokenPackTest, FolderWithoutManifestNamesPackJson) {
  const fs::path folder = test::freshTempDirectory(currentTestName());
  const std::string error = loadError(folder);
  EXPECT_TRUE(contains(error, (folder / "pack.json").string()));
  EXPECT_TRUE(contains(error, "cannot read"));
}

TEST(BrokenPackTest, InvalidJsonIsReportedAsJson) {
  const fs::path pack =
      writePack(test::freshTempDirectory(currentTestName()), R"({"schema_version": 1, "pack": )");
  const std::string error = loadError(pack);
  EXPECT_TRUE(contains(error, (pack / "pack.json").string()));
  EXPECT_TRUE(contains(error, "JSON"));
}

TEST(BrokenPackTest, WrongSchemaVersionIsRefused) {
  json manifest = validManifest();
  manifest["schema_version"] = 2;
  const fs::path pack = writePack(manifest);
  const std::string error = loadError(pack);
  EXPECT_TRUE(contains(error, (pack / "pack.json").string()));
  EXPECT_TRUE(contains(error, "schema_version"));
  EXPECT_TRUE(contains(error, "must be 1"));
}

TEST(BrokenPackTest, ProductNameThatIsANumberIsRefused) {
  json manifest = validManifest();
  manifest["products"][0]["name"] = 42;
  const std::string error = loadError(writePack(manifest));
  EXPECT_TRUE(contains(error, "pack.json: products[0].name"));
  EXPECT_TRUE(contains(error, "not number"));
}

TEST(BrokenPackTest, ProductOfUnknownProducerIsRefused) {
  json manifest = validManifest();
  manifest["products"][0]["producer"] = "nobody";
  const std::string error = loadError(writePack(manifest));
  EXPECT_TRUE(contains(error, "pack.json: products[0].producer"));
  EXPECT_TRUE(contains(error, "\"nobody\""));
  EXPECT_TRUE(contains(error, "does not have"));
}

TEST(BrokenPackTest, VideoPathLeadingOutOfThePackIsRefused) {
  // The file exists, so the refusal is about the "..", not a missing file.
  const fs::path base = test::freshTempDirectory(currentTestName());
  std::ofstream(base / "secret.mp4") << "outside the pack";
  json manifest = validManifest();
  manifest["products"][0]["videos"][0] = "videos/../../secret.mp4";
  const std::string error = loadError(writePack(base / "pack", manifest.dump()));
  EXPECT_TRUE(contains(error, "pack.json: products[0].videos[0]"));
  EXPECT_TRUE(contains(error, "out of the pack"));
}

TEST(BrokenPackTest, AbsoluteVideoPathIsRefused) {
  const fs::path folder = test::freshTempDirectory(currentTestName());
  writePack(folder, validManifest().dump());
  json manifest = validManifest();
  manifest["products"][0]["videos"][0] = (folder / "videos" / "cloth.mp4").string();  // exists
  const std::string error = loadError(writePack(folder, manifest.dump()));
  EXPECT_TRUE(contains(error, "pack.json: products[0].videos[0]"));
  EXPECT_TRUE(contains(error, "absolute path"));
}

TEST(BrokenPackTest, InvalidJsonNamesLineAndColumn) {
  // Columns count characters: the two-byte "é" is one column.
  const fs::path pack = writePack(test::freshTempDirectory(currentTestName()),
                                  "{\n  \"schema_version\": 1,\n  \"pack\": {\"id\": \"caf\u00e9\",, }\n}\n");
  const std::string error = loadError(pack);
  EXPECT_TRUE(contains(error, (pack / "pack.json").string()));
  EXPECT_TRUE(contains(error, "not valid JSON at line 3, column 25"));
}

TEST(BrokenPackTest, VideoLinkedFromOutsideThePackIsRefused) {
  const fs::path base = test::freshTempDirectory(currentTestName());
  std::ofstream(base / "secret.mp4") << "outside the pack";
  const fs::path pack = writePack(base / "pack", validManifest().dump());
  fs::remove(pack / "videos" / "cloth.mp4");
  fs::create_symlink(base / "secret.mp4", pack / "videos" / "cloth.mp4");
  const std::string error = loadError(pack);
  EXPECT_TRUE(contains(error, "pack.json: products[0].videos[0]"));
  EXPECT_TRUE(contains(error, "leads out of the pack through a symbolic link"));
}

TEST(BrokenPackTest, PackFolderThatIsALinkStillLoads) {
  // DATA/pack is often a link to the stick: only links inside the pack are judged.
  const fs::path base = test::freshTempDirectory(currentTestName());
  writePack(base / "real", validManifest().dump());
  fs::create_directory_symlink(base / "real", base / "linked");
  auto loaded = loadCatalog(base / "linked");
  ASSERT_TRUE(loaded) << loaded.error().text();
  EXPECT_EQ(loaded.value().catalog.products[0].videos.size(), 1u);
}

TEST(BrokenPackTest, OversizedManifestIsRefused) {
  std::string manifest = validManifest().dump();
  manifest.append(kMaxManifestBytes, '\n');  // still valid JSON
  const fs::path pack = writePack(test::freshTempDirectory(currentTestName()), manifest);
  const std::string error = loadError(pack);
  EXPECT_TRUE(contains(error, (pack / "pack.json").string()));
  EXPECT_TRUE(contains(error, "more than the 4.0 MiB a manifest may be"));
}

TEST(BrokenPackTest, EveryNamedFileIsListedWithItsField) {
  json manifest = validManifest();
  manifest["products"][0]["photos"].push_back("images/missing.jpg");
  auto loaded = loadCatalog(writePack(manifest));
  ASSERT_TRUE(loaded) << loaded.error().text();
  const auto& files = loaded.value().files;
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].field, "products[0].photos[0]");
  EXPECT_EQ(files[0].kind, PackFile::Kind::Image);
  EXPECT_TRUE(files[0].found);
  EXPECT_EQ(files[1].field, "products[0].photos[1]");
  EXPECT_FALSE(files[1].found);
  EXPECT_EQ(files[2].field, "products[0].videos[0]");
  EXPECT_EQ(files[2].kind, PackFile::Kind::Video);
}

TEST(BrokenPackTest, InvalidUtf8IsRefusedWithAReadableMessage) {
  std::string manifest = validManifest().dump();
  const std::string name = "\"Kain\"";
  ASSERT_NE(manifest.find(name), std::string::npos);
  manifest.replace(manifest.find(name), name.size(), "\"Ka\xff\xfein\"");
  const fs::path pack = writePack(test::freshTempDirectory(currentTestName()), manifest);
  const std::string error = loadError(pack);
  EXPECT_TRUE(contains(error, (pack / "pack.json").string()));
  EXPECT_TRUE(contains(error, "UTF-8"));
  // The message goes to the title card and the journal, so it must be valid text itself.
  EXPECT_TRUE(isValidUtf8(error)) << error;
}

TEST(BrokenPackTest, MissingPhotoIsOnlyAWarning) {
  json manifest = validManifest();
  manifest["products"][0]["photos"][0] = "images/missing.jpg";
  auto loaded = loadCatalog(writePack(manifest));
  ASSERT_TRUE(loaded) << loaded.error().text();
  ASSERT_EQ(loaded.value().warnings.size(), 1u);
  const std::string warning = loaded.value().warnings[0].text();
  EXPECT_TRUE(contains(warning, "pack.json: products[0].photos[0]"));
  EXPECT_TRUE(contains(warning, "images/missing.jpg"));
  EXPECT_TRUE(contains(warning, "not found"));
  EXPECT_TRUE(loaded.value().catalog.products[0].photos.empty());
  EXPECT_EQ(loaded.value().catalog.products[0].videos.size(), 1u);
}

TEST(BrokenPackTest, MissingAttractVideoWarningNamesTheField) {
  json manifest = validManifest();
  manifest["attract"] = {"videos/cloth.mp4", "videos/missing.mp4"};
  auto loaded = loadCatalog(writePack(manifest));
  ASSERT_TRUE(loaded) << loaded.error().text();
  ASSERT_EQ(loaded.value().warnings.size(), 1u);
  const std::string warning = loaded.value().warnings[0].text();
  EXPECT_TRUE(contains(warning, "pack.json: attract[1]"));
  EXPECT_TRUE(contains(warning, "videos/missing.mp4"));
  EXPECT_EQ(loaded.value().catalog.attract.size(), 1u);
}

// ---------------------------------------------------------------- localized()

TEST(LocalizedTest, PicksTheRequestedLanguage) {
  const LocalizedText text{{"en", "Cloth"}, {"id", "Kain"}, {"ms", "Kain ms"}};
  EXPECT_EQ(localized(text, "id", "ms"), "Kain");
}

TEST(LocalizedTest, FallsBackToTheFallbackLanguageBeforeEnglish) {
  const LocalizedText text{{"en", "Cloth"}, {"id", "Kain"}, {"ms", "Kain ms"}};
  EXPECT_EQ(localized(text, "zh", "ms"), "Kain ms");
}

TEST(LocalizedTest, FallsBackToEnglish) {
  const LocalizedText text{{"en", "Cloth"}, {"id", "Kain"}};
  EXPECT_EQ(localized(text, "zh", "ms"), "Cloth");
}

TEST(LocalizedTest, FallsBackToAnyLanguage) {
  const LocalizedText text{{"id", "Kain"}};
  EXPECT_EQ(localized(text, "zh", "ms"), "Kain");
}

TEST(LocalizedTest, EmptyTextCountsAsUntranslated) {
  const LocalizedText text{{"en", "Cloth"}, {"id", ""}};
  EXPECT_EQ(localized(text, "id", "id"), "Cloth");
}

TEST(LocalizedTest, EmptyEnglishTextCountsAsUntranslated) {
  const LocalizedText text{{"en", ""}, {"id", "Kain"}};
  EXPECT_EQ(localized(text, "zh", "ms"), "Kain");
}

TEST(LocalizedTest, NoTextGivesEmpty) { EXPECT_EQ(localized(LocalizedText{}, "en", "en"), ""); }

}  // namespace
}  // namespace etalase::kiosk

namespace etalase::kiosk {
namespace {

TEST(CatalogConsent, TheStandsConsentTextAndVersionAreRead) {
  json manifest = validManifest();
  manifest["consent"] = {{"version", "2026-11-v2"}, {"text", {{"en", "I agree."}, {"id", "Saya setuju."}}}};
  auto loaded = loadCatalog(writePack(manifest));
  ASSERT_TRUE(loaded) << loaded.error().text();
  ASSERT_TRUE(loaded.value().catalog.consent.has_value());
  EXPECT_EQ(loaded.value().catalog.consent->version, "2026-11-v2");
  EXPECT_EQ(localized(loaded.value().catalog.consent->text, "id", "en"), "Saya setuju.");
}

TEST(CatalogConsent, AConsentWithoutVersionIsRefusedNamingTheField) {
  json manifest = validManifest();
  manifest["consent"] = {{"text", {{"en", "I agree."}}}};
  auto loaded = loadCatalog(writePack(manifest));
  ASSERT_FALSE(loaded);
  EXPECT_TRUE(contains(loaded.error().text(), "consent.version"));
}

}  // namespace
}  // namespace etalase::kiosk

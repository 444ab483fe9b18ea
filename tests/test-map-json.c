/* test-map-json.c: malformed journey-map documents are refused, saying why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-demo-map.h"
#include "wm-error.h"
#include "wm-map-json.h"

/* A small valid document; each case edits one part of it. */
static const char base[] =
  "{\"version\":1,\"title\":\"T\","
  "\"stages\":[{\"id\":\"s1\",\"name\":\"One\"},{\"id\":\"s2\",\"name\":\"Two\"}],"
  "\"lanes\":[{\"id\":\"l1\",\"name\":\"Touch\",\"kind\":\"touchpoints\"},"
             "{\"id\":\"l2\",\"name\":\"IVR\",\"kind\":\"channels\",\"channel\":\"ivr\"}],"
  "\"cards\":[{\"id\":\"c1\",\"title\":\"A\",\"stage\":\"s1\",\"lane\":\"l1\",\"order\":0,"
              "\"color\":\"blue\",\"span\":1,\"evidence\":\"assumed\",\"bindings\":[\"IVR menu\"]},"
             "{\"id\":\"c2\",\"title\":\"B\",\"stage\":\"s1\",\"lane\":\"l1\",\"order\":1}],"
  "\"connectors\":[{\"id\":\"k1\",\"from\":\"c1\",\"to\":\"c2\",\"label\":\"x\"}],"
  "\"personas\":[{\"id\":\"p1\",\"name\":\"P\",\"emotions\":[{\"stage\":\"s1\",\"value\":-1.5}]}]}";

typedef struct
{
  const char *name;
  const char *find;       /* replaced in base… */
  const char *replace;    /* …by this */
  WmError     code;
  const char *message;    /* part of the error's message */
} Case;

static const Case cases[] = {
  /* Wrong types */
  { "root-array", NULL, "[1,2]", WM_ERROR_INVALID_DOCUMENT, "document: expected an object" },
  { "version-string", "\"version\":1", "\"version\":\"1\"", WM_ERROR_INVALID_DOCUMENT,
    "document.version: expected a whole number" },
  { "version-fraction", "\"version\":1", "\"version\":1.0", WM_ERROR_INVALID_DOCUMENT,
    "document.version: expected a whole number" },
  { "title-number", "\"title\":\"T\"", "\"title\":7", WM_ERROR_INVALID_DOCUMENT,
    "document.title: expected a string" },
  { "stages-object", "\"stages\":[", "\"stages\":{\"a\":[", WM_ERROR_INVALID_DOCUMENT, NULL },
  { "stages-not-array", "\"stages\":[{\"id\":\"s1\",\"name\":\"One\"},{\"id\":\"s2\",\"name\":\"Two\"}]",
    "\"stages\":\"s1\"", WM_ERROR_INVALID_DOCUMENT, "stages: expected an array" },
  { "stage-not-object", "{\"id\":\"s1\",\"name\":\"One\"}", "\"s1\"", WM_ERROR_INVALID_DOCUMENT,
    "stages[0]: expected an object" },
  { "stage-id-number", "{\"id\":\"s1\"", "{\"id\":1", WM_ERROR_INVALID_DOCUMENT,
    "stages[0].id: expected a string" },
  { "order-string", "\"order\":1}", "\"order\":\"1\"}", WM_ERROR_INVALID_DOCUMENT,
    "cards[1].order: expected a whole number" },
  { "bindings-string", "\"bindings\":[\"IVR menu\"]", "\"bindings\":\"IVR menu\"",
    WM_ERROR_INVALID_DOCUMENT, "cards[0].bindings: expected an array" },
  { "binding-number", "\"bindings\":[\"IVR menu\"]", "\"bindings\":[3]", WM_ERROR_INVALID_DOCUMENT,
    "cards[0].bindings[0]: expected a touchpoint name" },
  { "emotion-string", "\"value\":-1.5", "\"value\":\"low\"", WM_ERROR_INVALID_DOCUMENT,
    "personas[0].emotions[0].value: expected a number" },
  /* Values out of range or unknown */
  { "version-zero", "\"version\":1", "\"version\":0", WM_ERROR_INVALID_DOCUMENT,
    "document.version: 0 is not between 1 and" },
  { "lane-kind", "\"kind\":\"touchpoints\"", "\"kind\":\"feelings\"", WM_ERROR_INVALID_DOCUMENT,
    "lanes[0].kind: “feelings” is not one of the known values" },
  { "card-color", "\"color\":\"blue\"", "\"color\":\"mauve\"", WM_ERROR_INVALID_DOCUMENT,
    "cards[0].color: “mauve” is not one of the known values" },
  { "evidence", "\"evidence\":\"assumed\"", "\"evidence\":\"rumoured\"", WM_ERROR_INVALID_DOCUMENT,
    "cards[0].evidence" },
  { "span-zero", "\"span\":1", "\"span\":0", WM_ERROR_INVALID_DOCUMENT,
    "cards[0].span: 0 is not between 1 and 200" },
  { "order-negative", "\"order\":0", "\"order\":-1", WM_ERROR_INVALID_DOCUMENT,
    "cards[0].order: -1 is not between" },
  { "order-gap", "\"order\":1}", "\"order\":2}", WM_ERROR_INVALID_DOCUMENT,
    "cards[1].order: order 2 in a cell of 2 cards" },
  { "order-twice", "\"order\":1}", "\"order\":0}", WM_ERROR_INVALID_DOCUMENT,
    "another card of the cell has order 0" },
  { "emotion-third", "\"value\":-1.5", "\"value\":0.3", WM_ERROR_INVALID_DOCUMENT,
    "steps of 0.5" },
  { "emotion-high", "\"value\":-1.5", "\"value\":3", WM_ERROR_INVALID_DOCUMENT, "steps of 0.5" },
  { "id-empty", "{\"id\":\"s1\"", "{\"id\":\"\"", WM_ERROR_INVALID_DOCUMENT,
    "stages[0].id: an id must have 1 to 64 bytes" },
  { "id-long", "{\"id\":\"s1\"",
    "{\"id\":\"s1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
    WM_ERROR_INVALID_DOCUMENT, "stages[0].id: an id must have 1 to 64 bytes" },
  /* Missing members */
  { "no-version", "\"version\":1,", "", WM_ERROR_INVALID_DOCUMENT,
    "document.version: this member is missing" },
  { "no-stages", "\"stages\":", "\"nostages\":", WM_ERROR_INVALID_DOCUMENT,
    "stages: this member is missing" },
  { "no-lanes", "\"lanes\":", "\"nolanes\":", WM_ERROR_INVALID_DOCUMENT, "lanes: this member is missing" },
  { "no-stage-name", ",\"name\":\"One\"", "", WM_ERROR_INVALID_DOCUMENT,
    "stages[0].name: this member is missing" },
  { "no-channel", ",\"channel\":\"ivr\"", "", WM_ERROR_INVALID_DOCUMENT,
    "lanes[1].channel: this member is missing" },
  { "no-card-stage", "\"title\":\"B\",\"stage\":\"s1\",", "\"title\":\"B\",", WM_ERROR_INVALID_DOCUMENT,
    "cards[1].stage: this member is missing" },
  { "no-card-title", "\"title\":\"A\",", "", WM_ERROR_INVALID_DOCUMENT,
    "cards[0].title: this member is missing" },
  { "no-emotion-value", ",\"value\":-1.5", "", WM_ERROR_INVALID_DOCUMENT,
    "personas[0].emotions[0].value: this member is missing" },
  /* Dangling references */
  { "card-stage", "\"stage\":\"s1\",\"lane\":\"l1\",\"order\":1", "\"stage\":\"s9\",\"lane\":\"l1\",\"order\":1",
    WM_ERROR_INVALID_DOCUMENT, "cards[1].stage: “s9” refers to nothing in the map" },
  { "card-lane", "\"lane\":\"l1\",\"order\":1", "\"lane\":\"nope\",\"order\":1", WM_ERROR_INVALID_DOCUMENT,
    "cards[1].lane: “nope” refers to nothing" },
  { "card-lane-is-stage", "\"lane\":\"l1\",\"order\":1", "\"lane\":\"s2\",\"order\":1",
    WM_ERROR_INVALID_DOCUMENT, "cards[1].lane: “s2” refers to nothing" },
  { "connector-to", "\"to\":\"c2\"", "\"to\":\"c9\"", WM_ERROR_INVALID_DOCUMENT,
    "connectors[0].to: “c9” refers to nothing" },
  { "connector-self", "\"to\":\"c2\"", "\"to\":\"c1\"", WM_ERROR_INVALID_DOCUMENT,
    "connectors[0]: a connector cannot join a card to itself" },
  { "emotion-stage", "{\"stage\":\"s1\",\"value\"", "{\"stage\":\"s7\",\"value\"", WM_ERROR_INVALID_DOCUMENT,
    "personas[0].emotions[0].stage: “s7” refers to nothing" },
  /* Duplicate ids, within and across kinds */
  { "duplicate-stage", "{\"id\":\"s2\"", "{\"id\":\"s1\"", WM_ERROR_INVALID_DOCUMENT,
    "stages[1].id: the id “s1” is used twice" },
  { "duplicate-across", "{\"id\":\"k1\"", "{\"id\":\"c2\"", WM_ERROR_INVALID_DOCUMENT,
    "connectors[0].id: the id “c2” is used twice" },
  { "duplicate-emotion", "[{\"stage\":\"s1\",\"value\":-1.5}]",
    "[{\"stage\":\"s1\",\"value\":-1.5},{\"stage\":\"s1\",\"value\":1}]", WM_ERROR_INVALID_DOCUMENT,
    "personas[0].emotions[1]: a second value for stage “s1”" },
  /* A later format */
  { "future", "\"version\":1", "\"version\":2", WM_ERROR_NEWER_VERSION, "newer version of Waymark" },
  { "future-unreadable", "\"version\":1,\"title\":\"T\",", "\"version\":7,\"title\":[],",
    WM_ERROR_NEWER_VERSION, "format 7" },
  /* Not JSON at all */
  { "truncated", NULL, "{\"version\":1,\"stages\":[{\"id\":\"s1\",\"na", WM_ERROR_INVALID_DOCUMENT,
    "not valid JSON" },
  { "empty", NULL, "", WM_ERROR_INVALID_DOCUMENT, NULL },
  { "nested-unknown-member", "\"title\":\"T\"",
    "\"title\":\"T\",\"x\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
    WM_ERROR_INVALID_DOCUMENT, "nests deeper than 16 levels" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyMap) map = NULL;

  if (c->find == NULL)
    json = g_strdup (c->replace);
  else
    {
      const char *at = strstr (base, c->find);

      g_assert_nonnull (at);
      json = g_strdup_printf ("%.*s%s%s", (int) (at - base), base, c->replace, at + strlen (c->find));
    }

  map = wm_map_json_parse (json, -1, &error);
  g_assert_null (map);
  g_assert_error (error, WM_ERROR, (gint) c->code);
  if (c->message != NULL && strstr (error->message, c->message) == NULL)
    g_error ("“%s” lacks “%s”", error->message, c->message);
}

static void
test_base_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyMap) map = wm_map_json_parse (base, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (wm_journey_map_get_n_cards (map), ==, 2);
  g_assert_cmpint (wm_journey_map_lookup_card (map, "c1")->evidence, ==, WM_EVIDENCE_ASSUMED);
}

/* Every proper prefix of a real document is refused. */
static void
test_truncated_everywhere (void)
{
  g_autoptr(WmJourneyMap) demo = wm_demo_map_new ();
  g_autofree char *json = wm_map_json_to_string (demo, FALSE);
  gsize length = strlen (json);

  for (gsize cut = 0; cut < length; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmJourneyMap) map = wm_map_json_parse (json, cut, &error);

      g_assert_null (map);
      g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyMap) map = NULL;

  /* Deep enough to overflow a recursive parser's stack. */
  g_string_append (json, "{\"stages\":");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  map = wm_map_json_parse (json->str, json->len, &error);
  g_assert_null (map);
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "nests deeper"));

  /* Not an object at all, or something after it: refused before json-glib
   * sees it (1.6 leaks the first value then). */
  g_clear_error (&error);
  map = wm_map_json_parse ("[[[]]][[]]]]]", -1, &error);
  g_assert_null (map);
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
  g_assert_cmpstr (error->message, ==, "The journey map is not valid: document: expected an object");
  g_clear_error (&error);
  map = wm_map_json_parse ("{\"version\":1,\"stages\":[],\"lanes\":[]} {}", -1, &error);
  g_assert_null (map);
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
  g_assert_cmpstr (error->message, ==, "The journey map is not valid: there is more text after the document.");

  /* Brackets inside strings are text, not nesting. */
  g_clear_pointer (&map, g_object_unref);
  g_clear_error (&error);
  g_string_assign (json, base);
  g_string_replace (json, "\"title\":\"T\"", "\"title\":\"[[[[[[[[[[[[[[[[[[[[[\\\"[[[[\"", 1);
  map = wm_map_json_parse (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_journey_map_get_title (map), ==, "[[[[[[[[[[[[[[[[[[[[[\"[[[[");
}

static void
test_huge (void)
{
  gsize size = WM_MAP_JSON_MAX_BYTES + 1;
  g_autofree char *json = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyMap) map = NULL;

  memset (json, ' ', size);
  json[size] = '\0';
  map = wm_map_json_parse (json, size, &error);
  g_assert_null (map);
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "larger than 32 MB"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-json/base-is-valid", test_base_is_valid);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/map-json/refused/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/map-json/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/map-json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/map-json/huge", test_huge);

  return g_test_run ();
}

/* test-sha256.c: the import's SHA-256 matches the standard's test vectors,
 * fed whole or in pieces, and reading it midway does not disturb it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-sha256.h"

static void
test_vectors (void)
{
  g_autoptr(WmSha256) empty = wm_sha256_new ();
  g_autoptr(WmSha256) abc = wm_sha256_new ();
  g_autofree char *empty_hex = wm_sha256_get_string (empty);
  g_autofree char *abc_hex = NULL;

  g_assert_cmpstr (empty_hex, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  wm_sha256_update (abc, "abc", 3);
  abc_hex = wm_sha256_get_string (abc);
  g_assert_cmpstr (abc_hex, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* 56 bytes: the two-block vector of FIPS 180-2, fed a byte, then the rest;
 * the digest taken after the first byte leaves the sum going on. */
static void
test_pieces (void)
{
  const char *text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  g_autoptr(WmSha256) sum = wm_sha256_new ();
  g_autofree char *first = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *again = NULL;

  wm_sha256_update (sum, text, 1);
  first = wm_sha256_get_string (sum);
  g_assert_cmpstr (first, ==, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");

  wm_sha256_update (sum, text + 1, strlen (text) - 1);
  whole = wm_sha256_get_string (sum);
  again = wm_sha256_get_string (sum);
  g_assert_cmpstr (whole, ==, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  g_assert_cmpstr (again, ==, whole);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sha256/vectors", test_vectors);
  g_test_add_func ("/sha256/pieces", test_pieces);

  return g_test_run ();
}

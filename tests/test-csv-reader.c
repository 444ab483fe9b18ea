/* test-csv-reader.c: WmCsvReader, the streaming RFC 4180 reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "wm-csv-reader.h"

#define BLOCK 65536
#define MIB   (1024 * 1024)

/* TestStream: an input stream that generates its bytes from pieces, each
 * repeated some number of times, and hands out at most @chunk bytes per
 * read.  It lets a test feed a 50 MiB record without holding it, and put
 * any byte on either side of a read boundary. */

#define TEST_TYPE_STREAM (test_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestStream, test_stream, TEST, STREAM, GInputStream)

typedef struct
{
  char    *bytes;
  gsize    len;
  guint64  repeat;
} Piece;

struct _TestStream
{
  GInputStream  parent_instance;
  GArray       *pieces;
  guint         piece;
  guint64       repeated;
  gsize         offset;
  gsize         chunk;
  guint64       produced;
  guint64       fail_after;
};

G_DEFINE_FINAL_TYPE (TestStream, test_stream, G_TYPE_INPUT_STREAM)

static gssize
test_stream_read (GInputStream  *stream,
                  void          *buffer,
                  gsize          count,
                  GCancellable  *cancellable,
                  GError       **error)
{
  TestStream *self = TEST_STREAM (stream);
  gsize n = 0;

  if (self->produced >= self->fail_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the disk caught fire");
      return -1;
    }

  count = MIN (count, self->chunk);
  while (n < count && self->piece < self->pieces->len)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, self->piece);
      gsize take = MIN (piece->len - self->offset, count - n);

      memcpy ((char *) buffer + n, piece->bytes + self->offset, take);
      n += take;
      self->offset += take;
      if (self->offset == piece->len)
        {
          self->offset = 0;
          if (++self->repeated == piece->repeat)
            {
              self->repeated = 0;
              self->piece++;
            }
        }
    }

  self->produced += n;
  return n;
}

static void
clear_piece (gpointer data)
{
  g_free (((Piece *) data)->bytes);
}

static void
test_stream_finalize (GObject *object)
{
  TestStream *self = TEST_STREAM (object);

  g_array_unref (self->pieces);

  G_OBJECT_CLASS (test_stream_parent_class)->finalize (object);
}

static void
test_stream_class_init (TestStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_stream_read;
}

static void
test_stream_init (TestStream *self)
{
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_array_set_clear_func (self->pieces, clear_piece);
  self->chunk = G_MAXSIZE;
  self->fail_after = G_MAXUINT64;
}

static TestStream *
test_stream_new (gsize chunk)
{
  TestStream *self = g_object_new (TEST_TYPE_STREAM, NULL);

  self->chunk = chunk;
  return self;
}

static void
test_stream_add (TestStream *self,
                 const char *bytes,
                 gssize      len,
                 guint64     repeat)
{
  Piece piece;

  if (len < 0)
    len = strlen (bytes);
  if (len == 0 || repeat == 0)
    return;
  piece.bytes = g_memdup2 (bytes, len);
  piece.len = len;
  piece.repeat = repeat;
  g_array_append_val (self->pieces, piece);
}

/* Helpers.  Small tests run once with the input in one read and once with
 * one byte per read (the test data is the chunk size). */

static WmCsvReader *
reader_new (const char *text,
            gssize      len,
            gsize       chunk)
{
  g_autoptr(TestStream) stream = test_stream_new (chunk);

  test_stream_add (stream, text, len, 1);
  return wm_csv_reader_new (G_INPUT_STREAM (stream));
}

static const char *
status_name (WmCsvStatus status)
{
  switch (status)
    {
    case WM_CSV_RECORD: return "RECORD";
    case WM_CSV_BAD_RECORD: return "BAD_RECORD";
    case WM_CSV_END: return "END";
    case WM_CSV_ERROR: return "ERROR";
    default: return "?";
    }
}

static void
assert_status (WmCsvStatus got,
               WmCsvStatus expected)
{
  g_assert_cmpstr (status_name (got), ==, status_name (expected));
}

/* Reads the next record and checks its line and its fields: a
 * NULL-terminated array of strings. */
static void
expect_fields (WmCsvReader        *reader,
               guint64             line,
               const char * const *fields)
{
  g_autoptr(GError) error = NULL;
  WmCsvStatus status = wm_csv_reader_next (reader, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  assert_status (status, WM_CSV_RECORD);
  g_assert_cmpuint (wm_csv_reader_get_line (reader), ==, line);
  g_assert_null (wm_csv_reader_get_bad_reason (reader));

  for (; fields[n] != NULL; n++)
    {
      gsize len = G_MAXSIZE;
      const char *field;

      g_assert_cmpuint (n, <, wm_csv_reader_get_n_fields (reader));
      field = wm_csv_reader_get_field (reader, n, &len);
      g_assert_cmpstr (field, ==, fields[n]);
      g_assert_cmpuint (len, ==, strlen (fields[n]));
    }
  g_assert_cmpuint (wm_csv_reader_get_n_fields (reader), ==, n);
}

/* The same, the fields given as arguments up to a NULL. */
static void
expect_record (WmCsvReader *reader,
               guint64      line,
               ...)
{
  const char *fields[16];
  guint n = 0;
  va_list args;

  va_start (args, line);
  do
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (fields));
      fields[n] = va_arg (args, const char *);
    }
  while (fields[n++] != NULL);
  va_end (args);

  expect_fields (reader, line, fields);
}

static void
expect_bad (WmCsvReader *reader,
            guint64      line,
            const char  *reason,
            const char  *excerpt)
{
  g_autoptr(GError) error = NULL;
  WmCsvStatus status = wm_csv_reader_next (reader, NULL, &error);

  g_assert_no_error (error);
  assert_status (status, WM_CSV_BAD_RECORD);
  g_assert_cmpuint (wm_csv_reader_get_line (reader), ==, line);
  g_assert_cmpstr (wm_csv_reader_get_bad_reason (reader), ==, reason);
  g_assert_cmpuint (wm_csv_reader_get_n_fields (reader), ==, 0);
  if (excerpt != NULL)
    g_assert_cmpstr (wm_csv_reader_get_excerpt (reader), ==, excerpt);
}

static void
expect_end (WmCsvReader *reader)
{
  g_autoptr(GError) error = NULL;

  assert_status (wm_csv_reader_next (reader, NULL, &error), WM_CSV_END);
  g_assert_no_error (error);
  /* and it stays at the end */
  assert_status (wm_csv_reader_next (reader, NULL, &error), WM_CSV_END);
  g_assert_no_error (error);
}

static gsize
chunk_of (gconstpointer data)
{
  return GPOINTER_TO_SIZE (data);
}

/* Records, fields, lines */

static void
test_simple (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = reader_new ("id,name,score\n1,Ann,3.5\n2,Bob,\n", -1,
                                              chunk_of (data));

  expect_record (reader, 1, "id", "name", "score", NULL);
  expect_record (reader, 2, "1", "Ann", "3.5", NULL);
  g_assert_cmpstr (wm_csv_reader_get_excerpt (reader), ==, "1,Ann,3.5");
  expect_record (reader, 3, "2", "Bob", "", NULL);
  expect_end (reader);
  g_assert_cmpuint (wm_csv_reader_get_bytes_read (reader), ==, 31);
}

static void
test_quotes (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = NULL;

  reader = reader_new ("\"a\",\"b,c\",\"he said \"\"hi\"\"\",\"\"\n"
                       "\"\"\"\",\"x\"\"\",plain\n"
                       "ab\"c,d\"e\"\",\" \"\n"
                       " \"a\",\"\"\n"
                       "\"\"\n"
                       "\"last\"", -1, chunk_of (data));

  expect_record (reader, 1, "a", "b,c", "he said \"hi\"", "", NULL);
  expect_record (reader, 2, "\"", "x\"", "plain", NULL);
  /* a quote inside an unquoted field is kept as it is */
  expect_record (reader, 3, "ab\"c", "d\"e\"\"", " ", NULL);
  expect_record (reader, 4, " \"a\"", "", NULL);
  expect_record (reader, 5, "", NULL);
  expect_record (reader, 6, "last", NULL);
  expect_end (reader);
}

static void
test_empty_fields (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = reader_new (",,\na,\n,b\n,\"\",\n,", -1, chunk_of (data));

  expect_record (reader, 1, "", "", "", NULL);
  expect_record (reader, 2, "a", "", NULL);
  expect_record (reader, 3, "", "b", NULL);
  expect_record (reader, 4, "", "", "", NULL);
  expect_record (reader, 5, "", "", NULL);
  expect_end (reader);
}

static void
test_embedded_newlines (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = NULL;

  reader = reader_new ("h1,h2\n"
                       "\"multi\nline\",x\n"
                       "next,y\n"
                       "\"a\r\nb\",\"c\rd\",\"\n\n\"\n"
                       "after,z\n"
                       "\"a,\"\"\nb\"\"\",w\n"
                       "last,v\n", -1, chunk_of (data));

  expect_record (reader, 1, "h1", "h2", NULL);
  expect_record (reader, 2, "multi\nline", "x", NULL);
  expect_record (reader, 4, "next", "y", NULL);
  expect_record (reader, 5, "a\r\nb", "c\rd", "\n\n", NULL);
  expect_record (reader, 10, "after", "z", NULL);
  expect_record (reader, 11, "a,\"\nb\"", "w", NULL);
  expect_record (reader, 13, "last", "v", NULL);
  expect_end (reader);
}

static void
test_line_endings (gconstpointer data)
{
  g_autoptr(WmCsvReader) crlf = reader_new ("a,b\r\nc,d\r\n", -1, chunk_of (data));
  g_autoptr(WmCsvReader) cr = reader_new ("a,b\rc,d\re,f", -1, chunk_of (data));
  g_autoptr(WmCsvReader) mixed = reader_new ("\n\r\na\r\n\r\nb\n\nc\r\rd\n\r\n\r", -1,
                                             chunk_of (data));

  expect_record (crlf, 1, "a", "b", NULL);
  g_assert_cmpstr (wm_csv_reader_get_excerpt (crlf), ==, "a,b");
  expect_record (crlf, 2, "c", "d", NULL);
  expect_end (crlf);

  expect_record (cr, 1, "a", "b", NULL);
  expect_record (cr, 2, "c", "d", NULL);
  expect_record (cr, 3, "e", "f", NULL);
  expect_end (cr);

  /* empty lines are no records, but they are lines */
  expect_record (mixed, 3, "a", NULL);
  expect_record (mixed, 5, "b", NULL);
  expect_record (mixed, 7, "c", NULL);
  expect_record (mixed, 9, "d", NULL);
  expect_end (mixed);
}

static void
test_bom (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = reader_new ("\xEF\xBB\xBFid;name\n1;x\n", -1, chunk_of (data));
  g_autoptr(WmCsvReader) bom_only = reader_new ("\xEF\xBB\xBF", -1, chunk_of (data));
  g_autoptr(WmCsvReader) quoted = reader_new ("\xEF\xBB\xBF\"id\",b", -1, chunk_of (data));
  g_autoptr(WmCsvReader) not_bom = reader_new ("\xEF\xBB", -1, chunk_of (data));

  expect_record (reader, 1, "id", "name", NULL);
  expect_record (reader, 2, "1", "x", NULL);
  expect_end (reader);

  expect_end (bom_only);

  expect_record (quoted, 1, "id", "b", NULL);
  expect_end (quoted);

  expect_bad (not_bom, 1, "invalid UTF-8", "\xEF\xBF\xBD\xEF\xBF\xBD");
  expect_end (not_bom);
}

static void
test_delimiter (gconstpointer data)
{
  static const struct {
    const char *text;
    guint64     line;       /* of the first record; the second follows it */
    const char *first[4];
    const char *second[4];
  } cases[] = {
    { "a;b;c\n1;2,5;3\n", 1, { "a", "b", "c" }, { "1", "2,5", "3" } },
    { "a\tb\n1\t2;3\n", 1, { "a", "b" }, { "1", "2;3" } },
    { "a,b\n1;2,3\n", 1, { "a", "b" }, { "1;2", "3" } },
    { "a;b,c\n1;2,3\n", 1, { "a;b", "c" }, { "1;2", "3" } },          /* both: ',' */
    { "a;b\tc\n1;2\t3\n", 1, { "a;b\tc" }, { "1;2\t3" } },            /* ';' and tab: ',' */
    { "abc\n1;2\n", 1, { "abc" }, { "1;2" } },                         /* none: ',' */
    { "\"a,b\";c\n1;\"2;3\"\n", 1, { "a,b", "c" }, { "1", "2;3" } },   /* quoted ',' ignored */
    { "\"a;b\"\tc\n1\t2\n", 1, { "a;b", "c" }, { "1", "2" } },
    { "a;b\nc,d,e,f\n", 1, { "a", "b" }, { "c,d,e,f" } },              /* first record only */
    { "\n\r\na;b\n1;2\n", 3, { "a", "b" }, { "1", "2" } },             /* after empty lines */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WmCsvReader) reader = reader_new (cases[i].text, -1, chunk_of (data));

      g_test_message ("%s", cases[i].text);
      expect_fields (reader, cases[i].line, cases[i].first);
      expect_fields (reader, cases[i].line + 1, cases[i].second);
      expect_end (reader);
    }
}

/* A newline inside quotes does not end the first record. */
static void
test_delimiter_after_newline (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = reader_new ("\"x\ny,z\";c\n1;2\n", -1, chunk_of (data));

  expect_record (reader, 1, "x\ny,z", "c", NULL);
  expect_record (reader, 3, "1", "2", NULL);
  expect_end (reader);
}

static void
test_empty_input (gconstpointer data)
{
  g_autoptr(WmCsvReader) empty = reader_new ("", 0, chunk_of (data));
  g_autoptr(WmCsvReader) newlines = reader_new ("\n\r\n\r\n\n", -1, chunk_of (data));

  expect_end (empty);
  g_assert_cmpuint (wm_csv_reader_get_bytes_read (empty), ==, 0);
  g_assert_null (wm_csv_reader_get_excerpt (empty));
  expect_end (newlines);
  g_assert_cmpuint (wm_csv_reader_get_bytes_read (newlines), ==, 6);
}

static void
test_header_only (gconstpointer data)
{
  g_autoptr(WmCsvReader) bare = reader_new ("customer_id,timestamp,event", -1, chunk_of (data));
  g_autoptr(WmCsvReader) ended = reader_new ("customer_id,timestamp,event\r\n", -1,
                                             chunk_of (data));

  expect_record (bare, 1, "customer_id", "timestamp", "event", NULL);
  expect_end (bare);
  expect_record (ended, 1, "customer_id", "timestamp", "event", NULL);
  expect_end (ended);
}

static void
test_utf8 (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = reader_new ("café,\"北京\nMünchen\",🙂\n", -1, chunk_of (data));

  expect_record (reader, 1, "café", "北京\nMünchen", "🙂", NULL);
  expect_end (reader);
}

/* Bad records: each is reported with its line and reason, and the record
 * after it is read as usual. */

static void
test_bad_text_after_quote (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = NULL;

  reader = reader_new ("h1,h2\n"
                       "\"ab\"c,d\n"
                       "next,1\n"
                       "x,\"ab\" ,\"multi\nline\"\n"
                       "\"a\"\"b\"c\"d,e\n"
                       "last,2\n", -1, chunk_of (data));

  expect_record (reader, 1, "h1", "h2", NULL);
  expect_bad (reader, 2, "broken quoting: text after a closing quote", "\"ab\"c,d");
  expect_record (reader, 3, "next", "1", NULL);
  expect_bad (reader, 4, "broken quoting: text after a closing quote",
              "x,\"ab\" ,\"multi\nline\"");
  expect_bad (reader, 6, "broken quoting: text after a closing quote", "\"a\"\"b\"c\"d,e");
  expect_record (reader, 7, "last", "2", NULL);
  expect_end (reader);
}

static void
test_bad_unterminated (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = reader_new ("a,b\n\"open,\nmore\n", -1, chunk_of (data));
  g_autoptr(WmCsvReader) lone = reader_new ("a\n\"", -1, chunk_of (data));

  expect_record (reader, 1, "a", "b", NULL);
  expect_bad (reader, 2, "broken quoting: unterminated quoted field", "\"open,\nmore");
  expect_end (reader);

  expect_record (lone, 1, "a", NULL);
  expect_bad (lone, 2, "broken quoting: unterminated quoted field", "\"");
  expect_end (lone);
}

static void
test_bad_utf8 (gconstpointer data)
{
  g_autoptr(WmCsvReader) reader = NULL;

  reader = reader_new ("ok,\xFF\n"
                       "next,é\n"
                       "\"\xC3\",\xA9\n"               /* é cut in two by a delimiter */
                       "\"a\nb\xC0\xAF\",c\n"          /* overlong '/' */
                       "\xED\xA0\x80\n"                /* a surrogate */
                       "last,\xF0\x9F\x99\x82\n", -1, chunk_of (data));

  expect_bad (reader, 1, "invalid UTF-8", "ok,\xEF\xBF\xBD");
  expect_record (reader, 2, "next", "é", NULL);
  expect_bad (reader, 3, "invalid UTF-8", "\"\xEF\xBF\xBD\",\xEF\xBF\xBD");
  expect_bad (reader, 4, "invalid UTF-8", NULL);
  expect_bad (reader, 6, "invalid UTF-8", NULL);
  expect_record (reader, 7, "last", "🙂", NULL);
  expect_end (reader);
}

static void
test_bad_nul (gconstpointer data)
{
  static const char text[] = "a\0b,c\nnext,1\n\"q\0\",d\nx,\"y\n\0\"\nlast\n";
  g_autoptr(WmCsvReader) reader = reader_new (text, sizeof text - 1, chunk_of (data));

  expect_bad (reader, 1, "NUL byte in record", "a\xEF\xBF\xBD" "b,c");
  expect_record (reader, 2, "next", "1", NULL);
  expect_bad (reader, 3, "NUL byte in record", "\"q\xEF\xBF\xBD\",d");
  expect_bad (reader, 4, "NUL byte in record", "x,\"y\n\xEF\xBF\xBD\"");
  expect_record (reader, 6, "last", NULL);
  expect_end (reader);
}

static void
test_bad_first_reason_wins (gconstpointer data)
{
  static const char text[] = "\"a\"b,\xFF,\0\n\xFF,\0\nend\n";
  g_autoptr(WmCsvReader) reader = reader_new (text, sizeof text - 1, chunk_of (data));

  expect_bad (reader, 1, "broken quoting: text after a closing quote", NULL);
  expect_bad (reader, 2, "NUL byte in record", NULL);
  expect_record (reader, 3, "end", NULL);
  expect_end (reader);
}

static void
test_excerpt (gconstpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(WmCsvReader) reader = NULL;

  /* 199 bytes and an 'é' across the 200-byte limit: the 'é' is left out
   * rather than cut in half. */
  g_string_append (text, "\"");
  for (guint i = 0; i < 198; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (expected, text->str);
  g_string_append (text, "é\"x,b\n");
  /* exactly 200 bytes ending in a whole 'é' */
  g_string_append (text, "\"");
  for (guint i = 0; i < 197; i++)
    g_string_append_c (text, 'z');
  g_string_append (text, "é\"x,yyyy\r\n");
  g_string_append (text, "ok\n");

  reader = reader_new (text->str, text->len, chunk_of (data));
  expect_bad (reader, 1, "broken quoting: text after a closing quote", expected->str);
  g_assert_cmpuint (strlen (wm_csv_reader_get_excerpt (reader)), ==, 199);

  g_string_assign (expected, "\"");
  for (guint i = 0; i < 197; i++)
    g_string_append_c (expected, 'z');
  g_string_append (expected, "é");
  expect_bad (reader, 2, "broken quoting: text after a closing quote", expected->str);
  g_assert_cmpuint (strlen (wm_csv_reader_get_excerpt (reader)), ==, 200);

  expect_record (reader, 3, "ok", NULL);
  g_assert_cmpstr (wm_csv_reader_get_excerpt (reader), ==, "ok");
  expect_end (reader);
}

/* Records over 1 MiB */

static gsize
max_rss_bytes (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return (gsize) usage.ru_maxrss * 1024;   /* kilobytes on Linux */
}

static void
test_long_record_limit (void)
{
  g_autofree char *mib = g_malloc (MIB);
  g_autoptr(TestStream) stream = test_stream_new (BLOCK);
  g_autoptr(WmCsvReader) reader = NULL;
  gsize len = 0;

  memset (mib, 'z', MIB);
  test_stream_add (stream, "h\n", -1, 1);
  test_stream_add (stream, mib, MIB, 1);                  /* exactly 1 MiB: fine */
  test_stream_add (stream, "\n", -1, 1);
  test_stream_add (stream, "\"", -1, 1);
  test_stream_add (stream, mib, MIB - 1, 1);              /* 1 MiB + 1 with the quotes */
  test_stream_add (stream, "\"\n", -1, 1);
  test_stream_add (stream, ",", -1, MIB + 1);             /* 1 MiB + 2 empty fields */
  test_stream_add (stream, "\n", -1, 1);
  test_stream_add (stream, ",", -1, MIB - 1);             /* 1 MiB empty fields: fine */
  test_stream_add (stream, "\ntail\n", -1, 1);
  reader = wm_csv_reader_new (G_INPUT_STREAM (stream));

  expect_record (reader, 1, "h", NULL);

  assert_status (wm_csv_reader_next (reader, NULL, NULL), WM_CSV_RECORD);
  g_assert_cmpuint (wm_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (wm_csv_reader_get_n_fields (reader), ==, 1);
  g_assert_cmpuint (strlen (wm_csv_reader_get_field (reader, 0, &len)), ==, MIB);
  g_assert_cmpuint (len, ==, MIB);

  expect_bad (reader, 3, "record longer than 1 MiB", NULL);
  g_assert_cmpuint (strlen (wm_csv_reader_get_excerpt (reader)), ==, 200);
  expect_bad (reader, 4, "record longer than 1 MiB", NULL);

  assert_status (wm_csv_reader_next (reader, NULL, NULL), WM_CSV_RECORD);
  g_assert_cmpuint (wm_csv_reader_get_line (reader), ==, 5);
  g_assert_cmpuint (wm_csv_reader_get_n_fields (reader), ==, MIB);

  expect_record (reader, 6, "tail", NULL);
  expect_end (reader);
}

/* The delimiter is looked for in the first 1 MiB + 1 bytes of a first
 * record that long, however the stream splits its reads. */
static void
test_long_first_record (void)
{
  static const gsize chunks[] = { 1, 4093, G_MAXSIZE };

  for (gsize c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(TestStream) stream = test_stream_new (chunks[c]);
      g_autoptr(WmCsvReader) reader = NULL;

      test_stream_add (stream, "x", -1, MIB + 1);
      test_stream_add (stream, ";b\n1;2\n", -1, 1);
      reader = wm_csv_reader_new (G_INPUT_STREAM (stream));

      expect_bad (reader, 1, "record longer than 1 MiB", NULL);
      expect_record (reader, 2, "1;2", NULL);
      expect_end (reader);
    }
}

/* A 50 MiB quoted field with newlines, doubled quotes and delimiters in it,
 * generated as it is read: the reader must skip it in bounded memory. */
static void
huge_record (gsize chunk)
{
  g_autoptr(TestStream) stream = test_stream_new (chunk);
  g_autoptr(WmCsvReader) reader = NULL;
  g_autoptr(GString) filler = g_string_new (NULL);
  g_autoptr(GString) excerpt = g_string_new ("x,\"");
  const guint64 repeat = 50 * MIB / 4096;
  gsize rss_before;

  while (filler->len < 4096 - 6)
    g_string_append (filler, "lorem ipsum, ");
  g_string_truncate (filler, 4096 - 6);
  g_string_append (filler, "\"\",\n\r\n");
  g_string_append_len (excerpt, filler->str, 200 - excerpt->len);

  test_stream_add (stream, "customer,event\n", -1, 1);
  test_stream_add (stream, "x,\"", -1, 1);
  test_stream_add (stream, filler->str, filler->len, repeat);
  test_stream_add (stream, "end\",y\n", -1, 1);
  test_stream_add (stream, "after,ok\n", -1, 1);

  rss_before = max_rss_bytes ();
  reader = wm_csv_reader_new (G_INPUT_STREAM (stream));
  expect_record (reader, 1, "customer", "event", NULL);
  expect_bad (reader, 2, "record longer than 1 MiB", excerpt->str);
  expect_record (reader, 2 + 2 * repeat + 1, "after", "ok", NULL);
  expect_end (reader);
  g_assert_cmpuint (wm_csv_reader_get_bytes_read (reader), ==, 15 + 3 + 4096 * repeat + 7 + 9);

  /* The record alone is 50 MiB; the reader's share must stay near 1 MiB. */
  g_assert_cmpuint (max_rss_bytes () - rss_before, <, 16 * MIB);
}

static void
test_huge_record (void)
{
  /* In a fresh process, so that the peak RSS means something. */
  if (g_test_subprocess ())
    {
      huge_record (BLOCK);
      huge_record (4093);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Block boundaries: the reader reads 64 KiB blocks, so with a stream that
 * returns whole reads the byte at offset 65535 is the last of a block. */

#define EDGE (BLOCK - 1)

static void
test_block_edges (gconstpointer data)
{
  /* Each: the header, maybe an opening quote, 'f' up to offset @at, then
   * @at_edge and @after, which ends with the record "next,1".  The second
   * record's first field is the filler then @tail (NULL: a bad record). */
  static const struct {
    const char *before;
    gsize       at;
    const char *at_edge;
    const char *after;
    const char *tail;
    const char *more[3];
    guint64     next_line;
  } cases[] = {
    { "h1,h2\n\"", EDGE, "\"", ",end\nnext,1\n", "", { "end" }, 3 },          /* closing quote */
    { "h1,h2\n\"", EDGE, "\"\"", "tail\",x\nnext,1\n", "\"tail", { "x" }, 3 },  /* doubled quote */
    { "h1,h2\n\"", EDGE, "\"", "x,y\nnext,1\n", NULL, { NULL }, 3 },           /* text after it */
    { "h1,h2\n\"", EDGE, "\r\n", "q\",x\nnext,1\n", "\r\nq", { "x" }, 4 },    /* CRLF in quotes */
    { "h1,h2\n", EDGE - 1, ",\"", "o,p\",x\nnext,1\n", "", { "o,p", "x" }, 3 }, /* opening quote */
    { "h1,h2\n", EDGE, "\r\n", "next,1\r\n", "", { NULL }, 3 },               /* CRLF ending */
    { "h1,h2\n", EDGE, "\r", "next,1\n", "", { NULL }, 3 },                    /* lone CR */
    { "h1,h2\n", EDGE - 1, "\n\r", "\nnext,1\n", "", { NULL }, 4 },             /* empty CRLF line */
    { "h1,h2\n", EDGE, "é", ",x\nnext,1\n", "é", { "x" }, 3 },                  /* split character */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (cases[i].before);
      g_autoptr(GString) first = g_string_new (NULL);
      g_autoptr(WmCsvReader) reader = NULL;
      const char *fields[5] = { NULL };

      while (text->len < cases[i].at)
        g_string_append_c (text, 'f');
      g_string_append (text, cases[i].at_edge);
      g_string_append (text, cases[i].after);
      g_string_append_len (first, text->str + strlen (cases[i].before),
                           cases[i].at - strlen (cases[i].before));
      g_string_append (first, cases[i].tail != NULL ? cases[i].tail : "");
      fields[0] = first->str;
      memcpy (fields + 1, cases[i].more, sizeof cases[i].more);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      reader = reader_new (text->str, text->len, chunk_of (data));
      expect_record (reader, 1, "h1", "h2", NULL);
      if (cases[i].tail == NULL)
        expect_bad (reader, 2, "broken quoting: text after a closing quote", NULL);
      else
        expect_fields (reader, 2, fields);
      expect_record (reader, cases[i].next_line, "next", "1", NULL);
      expect_end (reader);
    }
}

/* The same records written many ways (quoted or not, any line ending,
 * empty lines between) must read back the same, whatever the reads. */

static char **
random_record (GRand *rand)
{
  static const char * const pieces[] = {
    "a", "bc", "customer_42", "é", "北京", "🙂", " ", ",", "\"", "\n", "\r", "\r\n", ";", "\t",
    "x\"y", "2024-03-01T09:30:00Z",
  };
  guint n_fields = g_rand_int_range (rand, 1, 8);
  char **fields = g_new0 (char *, n_fields + 1);

  for (guint f = 0; f < n_fields; f++)
    {
      GString *field = g_string_new (NULL);
      guint n_pieces = g_rand_int_range (rand, 0, 6);

      for (guint p = 0; p < n_pieces; p++)
        g_string_append (field, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (g_rand_int_range (rand, 0, 50) == 0)
        for (guint p = g_rand_int_range (rand, 0, 100000); p > 0; p--)
          g_string_append_c (field, 'L');
      fields[f] = g_string_free (field, FALSE);
    }
  return fields;
}

static void
write_record (GString     *text,
              char *const *fields,
              GRand       *rand)
{
  static const char * const line_ends[] = { "\n", "\r\n", "\r" };

  for (guint f = 0; fields[f] != NULL; f++)
    {
      const char *field = fields[f];
      gboolean quote = strpbrk (field, ",\"\r\n") != NULL ||
                       (f == 0 && fields[1] == NULL && *field == '\0') ||
                       g_rand_boolean (rand);

      if (f > 0)
        g_string_append_c (text, ',');
      if (quote)
        {
          g_string_append_c (text, '"');
          for (const char *c = field; *c != '\0'; c++)
            {
              if (*c == '"')
                g_string_append_c (text, '"');
              g_string_append_c (text, *c);
            }
          g_string_append_c (text, '"');
        }
      else
        {
          g_string_append (text, field);
        }
    }
  g_string_append (text, line_ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (line_ends))]);
  while (g_rand_int_range (rand, 0, 10) == 0)
    g_string_append (text, line_ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (line_ends))]);
}

/* Physical lines before @offset: CR, LF and CRLF each end one. */
static guint64
line_at (const char *text,
         gsize       offset)
{
  guint64 line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
        line++;
    }
  return line;
}

static void
test_round_trip (void)
{
  static const gsize chunks[] = { 1, 7, 4096, BLOCK - 1, BLOCK, BLOCK + 1, G_MAXSIZE };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GString) text = g_string_new ("customer,event,time\n");
  guint64 line = 1;

  g_ptr_array_add (records, g_strsplit ("customer,event,time", ",", -1));
  g_array_append_val (lines, line);

  while (text->len < 3 * BLOCK)
    {
      char **fields = random_record (rand);

      line = line_at (text->str, text->len);
      g_array_append_val (lines, line);
      write_record (text, fields, rand);
      g_ptr_array_add (records, fields);
    }

  for (gsize c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(WmCsvReader) reader = reader_new (text->str, text->len, chunks[c]);

      for (guint r = 0; r < records->len; r++)
        expect_fields (reader, g_array_index (lines, guint64, r),
                       (const char * const *) g_ptr_array_index (records, r));
      expect_end (reader);
      g_assert_cmpuint (wm_csv_reader_get_bytes_read (reader), ==, text->len);
    }
}

/* Errors */

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCsvReader) before = reader_new ("a,b\nc,d\n", -1, 1);
  g_autoptr(WmCsvReader) during = reader_new ("a,b\nc,d\n", -1, 1);

  expect_record (during, 1, "a", "b", NULL);

  g_cancellable_cancel (cancellable);
  assert_status (wm_csv_reader_next (before, cancellable, &error), WM_CSV_ERROR);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_status (wm_csv_reader_next (during, cancellable, &error), WM_CSV_ERROR);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing can follow a failed read. */
  assert_status (wm_csv_reader_next (during, NULL, &error), WM_CSV_END);
  g_assert_no_error (error);
}

static void
test_read_error (void)
{
  g_autoptr(TestStream) stream = test_stream_new (1);
  g_autoptr(WmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  test_stream_add (stream, "a,b\nc,d\n", -1, 1);
  stream->fail_after = 5;
  reader = wm_csv_reader_new (G_INPUT_STREAM (stream));

  expect_record (reader, 1, "a", "b", NULL);
  assert_status (wm_csv_reader_next (reader, NULL, &error), WM_CSV_ERROR);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "the disk caught fire");
  g_clear_error (&error);
  assert_status (wm_csv_reader_next (reader, NULL, &error), WM_CSV_END);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_csv_reader_get_bytes_read (reader), ==, 5);
}

static void
add_small_test (const char    *name,
                GTestDataFunc  func)
{
  g_autofree char *whole = g_strdup_printf ("/csv-reader/whole-reads/%s", name);
  g_autofree char *bytes = g_strdup_printf ("/csv-reader/one-byte-reads/%s", name);

  g_test_add_data_func (whole, GSIZE_TO_POINTER (G_MAXSIZE), func);
  g_test_add_data_func (bytes, GSIZE_TO_POINTER (1), func);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_small_test ("simple", test_simple);
  add_small_test ("quotes", test_quotes);
  add_small_test ("empty-fields", test_empty_fields);
  add_small_test ("embedded-newlines", test_embedded_newlines);
  add_small_test ("line-endings", test_line_endings);
  add_small_test ("bom", test_bom);
  add_small_test ("delimiter", test_delimiter);
  add_small_test ("delimiter-after-newline", test_delimiter_after_newline);
  add_small_test ("empty-input", test_empty_input);
  add_small_test ("header-only", test_header_only);
  add_small_test ("utf8", test_utf8);
  add_small_test ("bad/text-after-quote", test_bad_text_after_quote);
  add_small_test ("bad/unterminated", test_bad_unterminated);
  add_small_test ("bad/utf8", test_bad_utf8);
  add_small_test ("bad/nul", test_bad_nul);
  add_small_test ("bad/first-reason-wins", test_bad_first_reason_wins);
  add_small_test ("excerpt", test_excerpt);
  add_small_test ("block-edges", test_block_edges);
  g_test_add_func ("/csv-reader/long-record/limit", test_long_record_limit);
  g_test_add_func ("/csv-reader/long-record/first", test_long_first_record);
  g_test_add_func ("/csv-reader/long-record/huge", test_huge_record);
  g_test_add_func ("/csv-reader/round-trip", test_round_trip);
  g_test_add_func ("/csv-reader/cancel", test_cancel);
  g_test_add_func ("/csv-reader/read-error", test_read_error);

  return g_test_run ();
}

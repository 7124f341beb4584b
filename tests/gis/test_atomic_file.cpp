// Atomic replacement of a file: a failed write keeps the previous file and leaves nothing
// behind; a successful one replaces it through a temporary file in the same folder.
#include "gis/io/atomic_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace gf::gis;

namespace {

GisError writeFailure()
{
  GisError failure;
  failure.code = GisErrorCode::WriteFailed;
  return failure;
}

bool writeText( const QString &path, const QByteArray &text )
{
  QFile file( path );
  return file.open( QIODevice::WriteOnly ) && file.write( text ) == text.size();
}

QByteArray readText( const QString &path )
{
  QFile file( path );
  return file.open( QIODevice::ReadOnly ) ? file.readAll() : QByteArray();
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

  private slots:
    void failureKeepsThePreviousFileAndRemovesTheTemporary()
    {
      QTemporaryDir dir;
      const QString target = dir.filePath( QStringLiteral( "report.pdf" ) );
      QVERIFY( writeText( target, "old" ) );
      QString temporary;
      const GisError error = AtomicFile::replace( target, [&]( const QString &path ) {
        temporary = path;
        writeText( path, "half written" );
        return writeFailure();
      } );
      QCOMPARE( error.code, GisErrorCode::WriteFailed );
      QCOMPARE( error.file, target );
      QCOMPARE( readText( target ), QByteArray( "old" ) );
      QVERIFY( !QFile::exists( temporary ) );
      QCOMPARE( QDir( dir.path() ).entryList( QDir::Files | QDir::Hidden ), QStringList{ QStringLiteral( "report.pdf" ) } );
    }

    void successReplacesThroughATemporaryBesideTheTarget()
    {
      QTemporaryDir dir;
      const QString target = dir.filePath( QStringLiteral( "sub/plan.gpkg" ) );
      QString temporary;
      const GisError error = AtomicFile::replace( target, [&]( const QString &path ) {
        temporary = path;
        // The target must not change before the content is complete.
        if ( QFile::exists( target ) || !writeText( path, "new" ) )
          return writeFailure();
        return GisError{};
      } );
      QVERIFY( !error.isError() );
      QCOMPARE( QFileInfo( temporary ).absolutePath(), QFileInfo( target ).absolutePath() );
      QCOMPARE( QFileInfo( temporary ).suffix(), QStringLiteral( "gpkg" ) );
      QVERIFY( temporary != target );
      QCOMPARE( readText( target ), QByteArray( "new" ) );
      QCOMPARE( QDir( dir.filePath( QStringLiteral( "sub" ) ) ).entryList( QDir::Files | QDir::Hidden ), QStringList{ QStringLiteral( "plan.gpkg" ) } );
    }

    void uncreatableFolderIsAnErrorNamingTheTarget()
    {
      QTemporaryDir dir;
      const QString blocker = dir.filePath( QStringLiteral( "file" ) );
      QVERIFY( writeText( blocker, "x" ) );
      const QString target = blocker + QStringLiteral( "/out.pdf" );
      bool produced = false;
      const GisError error = AtomicFile::replace( target, [&]( const QString & ) {
        produced = true;
        return GisError{};
      } );
      QCOMPARE( error.code, GisErrorCode::WriteFailed );
      QCOMPARE( error.file, target );
      QVERIFY( !produced );
    }
};

QTEST_GUILESS_MAIN( TestAtomicFile )
#include "test_atomic_file.moc"

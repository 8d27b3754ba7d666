#!/usr/bin/perl
# Harvests an OAI-PMH base URL completely with HTTP::OAI (Debian's libhttp-oai-perl): Identify, then every page of
# ListRecords (oai_dc), following resumption tokens. Prints one line per record ("record <identifier>" or
# "deleted <identifier>"), then "records N deleted M", and exits non-zero on any OAI-PMH or HTTP error.
use strict;
use warnings;
use HTTP::OAI;

my $base = shift or die "usage: $0 <baseURL>\n";
my $harvester = HTTP::OAI::Harvester->new(baseURL => $base, resume => 1);
my $identify = $harvester->Identify;
die "Identify failed: " . $identify->message . "\n" if $identify->is_error;
print "repository ", $identify->repositoryName, "\n";

my ($records, $deleted) = (0, 0);
# HTTP::OAI 4 follows the tokens itself and keeps only the last page: every record is seen through onRecord.
my $list = $harvester->ListRecords(metadataPrefix => 'oai_dc', onRecord => sub {
    my $record = shift;
    if ($record->is_deleted) {
        $deleted++;
        print "deleted ", $record->identifier, "\n";
    } else {
        $records++;
        print "record ", $record->identifier, "\n";
    }
});
die "ListRecords failed: " . $list->message . "\n" if $list->is_error;
print "records $records deleted $deleted\n";

# Usage: perl stem.pl ROUGE-1.5.5.pl EXCDIR < words  -> "word porter morph" per line
use strict; no strict 'vars';
my ($rouge, $excdir) = @ARGV;
open(my $fh, '<', $rouge) or die; my $src = do { local $/; <$fh> };
$src =~ /(# Porter stemmer in Perl.*)$/s or die "no stemmer";
eval $1; die $@ if $@;
initialise();
our %exceptiondb;
for my $f (sort glob("$excdir/*.exc")) { open(IN,$f) or die; while(<IN>){ chomp; my @t=split(/\s+/); $exceptiondb{$t[0]}=$t[1]; } close IN; }
sub MorphStem { my $t=shift; my $l=$t; $l=~tr/A-Z/a-z/; return $exceptiondb{$l} if exists $exceptiondb{$l}; return stem($l); }
while (my $w = <STDIN>) { chomp $w; next unless length $w; print "$w ", stem($w), " ", (length($w)>3 ? MorphStem($w) : $w), "\n"; }

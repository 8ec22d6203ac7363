-- A language is data: the list is languages/languages.yaml and each language's texts are files in its folder.
-- The database no longer names languages: a stored code is checked against the list by the service.
-- The phase texts move to languages/<code>/phases.yaml (the same texts V1 wrote); the phases, their codes and
-- their order stay here, where cases refer to them.

ALTER TABLE account DROP CONSTRAINT account_language;

DROP TABLE phase_text;

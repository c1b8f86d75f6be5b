"""Registry API: households (KK) and persons, read-only, with NIK and KK masked as on the pages."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from gotong.api.fields import public_ref, viewer, viewing_detail
from gotong.api.rows import ValuesListMixin, drf_datetime, iso_date, text_or_none
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy import can, require
from gotong.core.policy.routes import Rule
from gotong.registry.api.writes import (
    HouseholdWriteSerializer,
    PersonWriteSerializer,
    write_household,
    write_person,
)
from gotong.registry.choices import Relationship
from gotong.registry.models import Dwelling, Household, Person
from gotong.registry.nik import mask_family_card_number, mask_nik


def _shown(serializer, record, value: str, mask) -> str:
    """Full number only on a detail request where `registry.see_nik` reaches the record (as on the detail page)."""
    user = viewer(serializer)
    if viewing_detail(serializer) and user is not None and can(user, "registry.see_nik", record):
        return value
    return mask(value)


class DwellingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Dwelling
        exclude = ["id", "household"]


class PersonSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    household = public_ref()
    nik = serializers.SerializerMethodField(help_text="Disamarkan kecuali di detail untuk peran yang berhak.")

    class Meta:
        model = Person
        fields = [
            "id",
            "household",
            "area_code",
            "nik",
            "nik_pending",
            "name",
            "sex",
            "birth_date",
            "relationship",
            "education",
            "occupation",
            "disability",
            "created_at",
            "updated_at",
        ]

    def get_nik(self, person) -> str | None:
        if not person.nik:
            return None  # "NIK belum ada": `nik_pending` says so, the number is not hidden, there is none
        return _shown(self, person, person.nik, mask_nik)


class MemberSummarySerializer(PersonSerializer):
    class Meta(PersonSerializer.Meta):
        fields = ["id", "nik", "nik_pending", "name", "sex", "birth_date", "relationship"]


class HouseholdSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    family_card_number = serializers.SerializerMethodField(help_text="Disamarkan kecuali di detail.")
    head_name = serializers.SerializerMethodField()

    class Meta:
        model = Household
        fields = [
            "id",
            "family_card_number",
            "head_name",
            "address",
            "area_code",
            "welfare_decile",
            "pkh_recipient",
            "bpnt_recipient",
            "consent_given_on",
            "created_at",
            "updated_at",
        ]

    def get_family_card_number(self, household) -> str:
        return _shown(self, household, household.family_card_number, mask_family_card_number)

    def get_head_name(self, household) -> str | None:
        head = household.head
        return head.name if head else None


class HouseholdDetailSerializer(HouseholdSerializer):
    members = MemberSummarySerializer(many=True, read_only=True)
    dwelling = serializers.SerializerMethodField()

    class Meta(HouseholdSerializer.Meta):
        fields = [*HouseholdSerializer.Meta.fields, "members", "dwelling"]

    @extend_schema_field(DwellingSerializer(allow_null=True))
    def get_dwelling(self, household):
        dwelling = getattr(household, "dwelling", None)
        return DwellingSerializer(dwelling).data if dwelling else None


class PersonSavedSerializer(PersonSerializer):
    warnings = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "warnings"]


# The columns of a list row (`list_row`): what `HouseholdSerializer` and `PersonSerializer` read, and no more.
HOUSEHOLD_LIST_VALUES = ("public_id", "family_card_number", "head_name", "address", "area_code", "welfare_decile",
                         "pkh_recipient", "bpnt_recipient", "consent_given_on", "created_at", "updated_at")  # fmt: skip
PERSON_LIST_VALUES = ("public_id", "household__public_id", "area_code", "nik", "nik_pending", "name", "sex",
                      "birth_date", "relationship", "education", "occupation", "disability", "created_at",
                      "updated_at")  # fmt: skip


class HouseholdViewSet(ValuesListMixin, ScopedReadOnlyViewSet):
    """Households (KK) in the user's scope, by area then KK number; a resident sees their own. Record keepers add
    and change them."""

    access_rule = Rule(get="registry.view", post="registry.record")
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=HouseholdWriteSerializer, responses={201: HouseholdDetailSerializer})
    def create(self, request, *args, **kwargs):
        form = HouseholdWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        household = write_household(request.user, form.validated_data)
        return Response(
            HouseholdDetailSerializer(household, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=HouseholdWriteSerializer, responses={200: HouseholdDetailSerializer})
    def partial_update(self, request, public_id=None, **kwargs):
        household = self.get_object()
        form = HouseholdWriteSerializer(data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        household = write_household(request.user, form.validated_data, instance=household)
        return Response(HouseholdDetailSerializer(household, context=self.get_serializer_context()).data)

    def scoped_queryset(self, user):
        # Members in birth order without the model's default ordering by household, which joins the household
        # table again only to sort by KK.
        members = Person.objects.order_by("birth_date", "pk")
        households = Household.objects.visible_to(user).select_related("dwelling")
        return households.prefetch_related(Prefetch("members", queryset=members))

    def list_queryset(self, user):
        # The head as `Household.head` finds it among the members in birth order: the first with that relationship.
        heads = Person.objects.filter(household=OuterRef("pk"), relationship=Relationship.HEAD).order_by(
            "birth_date", "pk"
        )
        # By area, then KK, as the household list page: the (area_code, family_card_number, id) index reads a city's
        # first page directly. By KK alone, the index walked every household of the province whose KK sorts before
        # the city's (150,000 rows for Medan's first page in a 900,000-person province: 52 ms of the database per
        # request, the largest cost of `gotong bench load`'s mix).
        return (
            Household.objects.visible_to(user)
            .annotate(head_name=Subquery(heads.values("name")[:1]))
            .values(*HOUSEHOLD_LIST_VALUES)
            .order_by("area_code", "family_card_number", "pk")
        )

    def list_row(self, h: dict) -> dict:
        return {
            "id": str(h["public_id"]),
            "family_card_number": mask_family_card_number(h["family_card_number"]),
            "head_name": h["head_name"],
            "address": h["address"],
            "area_code": h["area_code"],
            "welfare_decile": h["welfare_decile"],
            "pkh_recipient": h["pkh_recipient"],
            "bpnt_recipient": h["bpnt_recipient"],
            "consent_given_on": iso_date(h["consent_given_on"]),
            "created_at": drf_datetime(h["created_at"]),
            "updated_at": drf_datetime(h["updated_at"]),
        }

    def get_serializer_class(self):
        return HouseholdDetailSerializer if self.action == "retrieve" else HouseholdSerializer


class PersonViewSet(ValuesListMixin, ScopedReadOnlyViewSet):
    """Persons in the user's scope; `dari`/`sampai` filter by birth date. Record keepers add and change them;
    organisation staff add a newborn or a member to a household their organisation serves."""

    # Adding a member is `registry.add_member`; changing a person is `registry.record` (partial_update).
    access_rule = Rule(get="registry.view", post="registry.add_member")
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=PersonWriteSerializer, responses={201: PersonSavedSerializer})
    def create(self, request, *args, **kwargs):
        form = PersonWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        household = Household.objects.visible_to(request.user).filter(public_id=data.pop("household")).first()
        if household is None:
            raise exceptions.ValidationError({"household": [_("Rumah tangga tidak ditemukan di wilayah Anda.")]})
        person, warnings = write_person(request.user, data, household=household)
        return Response(self._saved(person, warnings), status=status.HTTP_201_CREATED)

    @extend_schema(request=PersonWriteSerializer, responses={200: PersonSavedSerializer})
    def partial_update(self, request, public_id=None, **kwargs):
        person = self.get_object()
        require(request.user, "registry.record", person)
        form = PersonWriteSerializer(data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        data.pop("household", None)  # moving a person to another KK is not done by a PATCH
        person, warnings = write_person(request.user, data, instance=person)
        return Response(self._saved(person, warnings))

    def _saved(self, person, warnings) -> dict:
        person.warnings = warnings
        return PersonSavedSerializer(person, context=self.get_serializer_context()).data

    serializer_class = PersonSerializer
    date_field = "birth_date"

    def scoped_queryset(self, user):
        # Area, then family card (by its row id), then birth order: members of a household stay together, and the
        # index `person_area_hh_birth_idx` serves the scope's area range in this order, so a deep page
        # (`?setelah=`) starts where its cursor points instead of reading every person before it.
        return (
            Person.objects.visible_to(user)
            .select_related("household")
            .order_by("area_code", "household_id", "birth_date", "pk")
        )

    def list_queryset(self, user):
        # The same order as `scoped_queryset`, with its keys in each row: the cursor pager seeks on them (the
        # model's default order, by household, is one it cannot follow and would fall back to OFFSET pages).
        return self.scoped_queryset(user).values(*PERSON_LIST_VALUES, "household_id", "id")

    def list_row(self, p: dict) -> dict:
        return {
            "id": str(p["public_id"]),
            "household": text_or_none(p["household__public_id"]),
            "area_code": p["area_code"],
            # "NIK belum ada" is `nik_pending`; a number is always masked in a list (`PersonSerializer.get_nik`).
            "nik": mask_nik(p["nik"]) if p["nik"] else None,
            "nik_pending": p["nik_pending"],
            "name": p["name"],
            "sex": p["sex"],
            "birth_date": iso_date(p["birth_date"]),
            "relationship": p["relationship"],
            "education": p["education"],
            "occupation": p["occupation"],
            "disability": p["disability"],
            "created_at": drf_datetime(p["created_at"]),
            "updated_at": drf_datetime(p["updated_at"]),
        }


ROUTES = [
    ("rumah-tangga", HouseholdViewSet, "household"),
    ("penduduk", PersonViewSet, "person"),
]

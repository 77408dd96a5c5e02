package cn.liangxin.opinions.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, String> {

	List<Person> findByRoleIn(List<Role> roles);

}
